package dev.invitations.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The security-related {@code invitations.*} properties, the same on both sides.
 *
 * @param jwtSecret   the HS256 key (its UTF-8 bytes, at least 32) for bearer tokens when no JWKS is configured;
 *                    ignored once {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or
 *                    {@code issuer-uri} is set
 * @param maxBodySize requests with a larger body are refused with 413
 */
@ConfigurationProperties("invitations")
public record ApiSecurityProperties(
        @DefaultValue("local-development-jwt-secret-not-for-production") String jwtSecret,
        @DefaultValue("64KB") DataSize maxBodySize) {
}
