package dev.invitations.command.web;

import dev.invitations.command.config.InvitationsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The invitee's page, served by the query side, calls accept and decline from the browser: exactly those two calls
 * allow exactly the page's origin (that of {@code invitations.accept-url-base}), without credentials. Every other
 * call, and every other origin, gets no CORS headers. Spring Security applies this source by its bean name.
 */
@Configuration(proxyBeanMethods = false)
class InviteePageCors {

    static final List<String> TOKEN_CALLS = List.of("/v1/invitations:accept", "/v1/invitations:decline");

    @Bean
    CorsConfigurationSource corsConfigurationSource(InvitationsProperties properties) {
        var page = new CorsConfiguration();
        page.setAllowedOrigins(List.of(originOf(properties.acceptUrlBase())));
        page.setAllowedMethods(List.of(HttpMethod.POST.name()));
        page.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE));
        page.setAllowCredentials(false);
        page.setMaxAge(Duration.ofMinutes(10));
        var source = new UrlBasedCorsConfigurationSource();
        TOKEN_CALLS.forEach(path -> source.registerCorsConfiguration(path, page));
        return source;
    }

    /** {@code scheme://host[:port]}, as a browser sends it in {@code Origin}. */
    static String originOf(URI pageUrl) {
        if (pageUrl.getScheme() == null || pageUrl.getHost() == null) {
            throw new IllegalArgumentException("invitations.accept-url-base must be an absolute URL, not " + pageUrl);
        }
        int port = pageUrl.getPort();
        return pageUrl.getScheme().toLowerCase() + "://" + pageUrl.getHost().toLowerCase()
                + (port == -1 ? "" : ":" + port);
    }
}
