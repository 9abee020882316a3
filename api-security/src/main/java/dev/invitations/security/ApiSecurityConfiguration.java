package dev.invitations.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.apikey.ApiKeys;
import dev.invitations.problem.Problems;
import dev.invitations.security.apikey.ApiKeyAuthenticationProvider;
import dev.invitations.security.apikey.ApiKeyProperties;
import dev.invitations.security.apikey.ApiKeyUses;
import dev.invitations.security.apikey.MongoApiKeys;
import dev.invitations.security.secrets.RequiredSecrets;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;

/**
 * Who may call what, the same on both sides. Every {@code /v1/orgs/{orgId}/...} call needs a bearer JWT whose
 * {@code orgs} include the org and whose {@code scope} holds the method's permission; the invitee's calls (accept,
 * decline, lookup by token, the invitation page) carry the invitation token instead and need none; those of the
 * invitee signed in ({@code /v1/me/...}) need a JWT with a verified {@code email} (see {@link VerifiedInvitee}).
 * Operators' calls under {@code /admin} and {@code /actuator} need the {@code invitations.admin} scope, but for the
 * liveness and readiness probes; on a management port of its own ({@code management.server.port}) the actuator needs
 * none, as that port is for the operators' network. The API descriptions are public where
 * {@code invitations.api-docs.public} says so. An API key ({@code Bearer inv_...}) may stand in for a JWT on an org's
 * calls: it is of one org and holds its own scopes ({@link OrgCaller}).
 */
// before Boot's configurations whose filter chain, decoders and error controller step back for these
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties({ApiSecurityProperties.class, RateLimitProperties.class, ApiKeyProperties.class})
public class ApiSecurityConfiguration {

    private static final String ADMIN_AUTHORITY = "SCOPE_" + OrgPermissions.ADMIN;
    private static final PathPattern INVITATION_PATH =
            PathPatternParser.defaultInstance.parse("/v1/orgs/{orgId}/invitations/{id}/**");

    /**
     * No observation (span and timer) around each of the chain's filters, nor around authentication and
     * authorization: the benchmark's profile found them, with the wrapping of every filter, among the request
     * threads' costs. The whole request stays observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    Problems problems(ObjectMapper json) {
        return new Problems(json);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Problems problems, RateLimitFilter rateLimits,
                                    ApiSecurityProperties properties, ManagementPort managementPort,
                                    AuthenticationManagerResolver<HttpServletRequest> bearerTokens)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof ApiKeyAuthenticationProvider.StorageUnreachable) {
                // the key may well be valid: the client should retry, not drop it
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                        "storage is unreachable; retry later");
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required");
        };
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies to ride on
                // a side's bean named corsConfigurationSource (the command side's, for the invitee's page) if it has
                // one; preflights are answered here, before authentication could refuse them
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v1/orgs/{orgId}/**").access(orgAccess())
                        .requestMatchers("/v1/me/**").access((caller, request) ->
                                new AuthorizationDecision(VerifiedInvitee.emailOf(caller.get()).isPresent()))
                        .requestMatchers("/v1/invitations:accept", "/v1/invitations:decline",
                                "/v1/invitations:lookup").permitAll()
                        .requestMatchers("/v1/**").authenticated()
                        .requestMatchers("/admin/**").hasAuthority(ADMIN_AUTHORITY)
                        // operators reach metrics and health details on the management port, or with the admin scope
                        .requestMatchers(managementPort).permitAll()
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(ADMIN_AUTHORITY)
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs*", "/swagger-ui/**", "/swagger-ui.html")
                        .access(properties.apiDocs().isPublic() ? (caller, request) -> new AuthorizationDecision(true)
                                : AuthorityAuthorizationManager.hasAuthority(ADMIN_AUTHORITY))
                        .anyRequest().permitAll())
                // after authentication, so that a caller's requests count against their own bucket
                .addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(bearerTokens)
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            if (namesInvitationOfForeignOrg(request)) {
                                problems.write(response, HttpStatus.NOT_FOUND, "not-found", "no such invitation");
                            } else if (request.getRequestURI().startsWith("/v1/me/")) {
                                problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
                                        "the bearer token carries no verified email (email and email_verified: true)");
                            } else {
                                problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
                                        "the bearer token does not grant this on this organization");
                            }
                        }))
                .build();
    }

    /** {@code Bearer inv_...} goes to the API keys, every other bearer token to the JWT decoder. */
    @Bean
    AuthenticationManagerResolver<HttpServletRequest> bearerTokens(
            JwtDecoder jwtDecoder, ObjectProvider<JwtAuthenticationConverter> jwtConverter,
            ApiKeyAuthenticationProvider apiKeyProvider) {
        var jwtProvider = new JwtAuthenticationProvider(jwtDecoder);
        jwtProvider.setJwtAuthenticationConverter(jwtConverter.getIfAvailable(JwtAuthenticationConverter::new));
        AuthenticationManager jwts = new ProviderManager(jwtProvider);
        AuthenticationManager apiKeys = new ProviderManager(apiKeyProvider);
        var tokens = new DefaultBearerTokenResolver();
        return request -> ApiKeyAuthenticationProvider.isApiKey(tokens.resolve(request)) ? apiKeys : jwts;
    }

    @Bean
    MongoApiKeys mongoApiKeys(MongoTemplate mongo) {
        return new MongoApiKeys(mongo);
    }

    @Bean
    ApiKeys apiKeys(ApiSecurityProperties properties, RequiredSecrets secrets) {
        byte[] key = secrets.require("invitations.api-key-secret", "INVITATIONS_API_KEY_SECRET",
                properties.apiKeySecret());
        if (key.length < 32) {
            throw new IllegalStateException("invitations.api-key-secret needs at least 32 bytes");
        }
        return new ApiKeys(key);
    }

    @Bean(destroyMethod = "close")
    ApiKeyUses apiKeyUses(MongoApiKeys stored, ApiKeyProperties properties) {
        var uses = new ApiKeyUses(stored::recordLastUse);
        uses.flushEvery(properties.lastUsedFlushInterval());
        return uses;
    }

    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeys apiKeys, MongoApiKeys stored, ApiKeyUses uses,
                                                              ApiKeyProperties properties,
                                                              ObjectProvider<Clock> clock) {
        return new ApiKeyAuthenticationProvider(apiKeys, stored, uses, properties.cacheFor(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    @Bean
    RateLimitFilter rateLimitFilter(MongoTemplate mongo, RateLimitProperties limits, Problems problems) {
        return new RateLimitFilter(new MongoBucketStates(mongo), limits, problems);
    }

    /** Registered in the security chain only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Replaces the HTML error page Tomcat writes for requests it refuses itself. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            var host = (StandardHost) context.getParent();
            // the class is what Tomcat instantiates for requests it refuses before they are mapped
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            for (var valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve());
        });
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /**
     * Bearer tokens signed with a shared HS256 key, for deployments without an identity provider; never created once
     * a JWKS or issuer is configured (keys then rotate through the JWKS).
     */
    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''"
            + " and '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == ''")
    JwtDecoder sharedSecretJwtDecoder(ApiSecurityProperties properties, RequiredSecrets secrets) {
        byte[] key = secrets.require("invitations.jwt-secret", "INVITATIONS_JWT_SECRET", properties.jwtSecret());
        if (key.length < 32) {
            throw new IllegalStateException("invitations.jwt-secret needs at least 32 bytes");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    FilterRegistrationBean<MaxBodySizeFilter> maxBodySizeFilter(ApiSecurityProperties properties, Problems problems) {
        var registration = new FilterRegistrationBean<>(
                new MaxBodySizeFilter(properties.maxBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static AuthorizationManager<RequestAuthorizationContext> orgAccess() {
        return (authentication, context) -> {
            var caller = authentication.get();
            String orgId = context.getVariables().get("orgId");
            String permission = OrgPermissions.requiredFor(context.getRequest().getMethod(),
                    context.getRequest().getRequestURI());
            return new AuthorizationDecision(
                    OrgPermissions.mayActOn(caller, orgId) && OrgPermissions.holds(caller, permission));
        };
    }

    /**
     * A caller with no right at all on an org learns nothing about its invitations, not even that one exists:
     * for them an invitation's address answers 404, like one that does not exist.
     */
    private static boolean namesInvitationOfForeignOrg(HttpServletRequest request) {
        var match = INVITATION_PATH.matchAndExtract(
                PathContainer.parsePath(request.getRequestURI()));
        return match != null && !OrgPermissions.mayActOn(
                SecurityContextHolder.getContext().getAuthentication(), match.getUriVariables().get("orgId"));
    }
}
