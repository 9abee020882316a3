package dev.invitations.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * The security-related {@code invitations.*} properties, the same on both sides.
 *
 * @param jwtSecret   the HS256 key (its UTF-8 bytes, at least 32) for bearer tokens when no JWKS is configured;
 *                    ignored once {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or
 *                    {@code issuer-uri} is set
 *                    (JWKS keys rotate there); required otherwise, outside the {@code local} profile
 * @param apiKeySecret the key (its UTF-8 bytes, at least 32) of the keyed hash under which API keys are stored and
 *                     looked up; required outside the {@code local} profile; changing it revokes every key
 * @param maxBodySize requests with a larger body are refused with 413
 * @param apiDocs     who may read the OpenAPI descriptions and Swagger UI
 */
@ConfigurationProperties("invitations")
public record ApiSecurityProperties(
        String jwtSecret,
        String apiKeySecret,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue ApiDocs apiDocs) {

    /** @param isPublic anyone may read them; otherwise they need the {@code invitations.admin} scope */
    public record ApiDocs(@Name("public") @DefaultValue("false") boolean isPublic) {
    }
}
