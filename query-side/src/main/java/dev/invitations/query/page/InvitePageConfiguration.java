package dev.invitations.query.page;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
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

    /**
     * The page's wording, {@code messages/page*.properties}, as the application's message source, which Thymeleaf's
     * {@code #{…}} reads (Spring Boot's own then steps back). No other message of the query side comes from bundles:
     * problem details keep their own wording.
     */
    @Bean
    MessageSource messageSource() {
        return new WrittenLanguageMessages("messages/page");
    }
}
