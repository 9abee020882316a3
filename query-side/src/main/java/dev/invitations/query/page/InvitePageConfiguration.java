package dev.invitations.query.page;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class InvitePageConfiguration {

    @Bean
    FilterRegistrationBean<InvitePageHeaders> invitePageHeaders(InvitePageProperties properties) {
        var registration = new FilterRegistrationBean<>(new InvitePageHeaders(properties.commandOrigin()));
        registration.addUrlPatterns(InvitePageHeaders.PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
