package dev.invitations.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Bearer tokens as the local HS256 issuer would mint them, for tests on either side. */
public final class JwtsForTests {

    /** The default of {@code invitations.jwt-secret}, which the tests run with. */
    public static final String LOCAL_SECRET = "local-development-jwt-secret-not-for-production";
    public static final String EVERYTHING =
            "org.user.invite org.user.read org.privacy.manage org.settings.manage org.integrations.manage";

    private JwtsForTests() {
    }

    /** A token for {@code subject} with {@code scope} on {@code orgs}, valid for an hour. */
    public static String token(String subject, String scope, String... orgs) {
        return signed(LOCAL_SECRET, subject, scope, List.of(orgs), Instant.now().plus(Duration.ofHours(1)));
    }

    /** {@code Authorization} header value of {@link #token}. */
    public static String bearer(String subject, String scope, String... orgs) {
        return "Bearer " + token(subject, scope, orgs);
    }

    /**
     * The {@code Authorization} header of an invitee signed in: {@code email} as its issuer states it, verified or
     * not, and neither scope nor orgs.
     */
    public static String invitee(String subject, String email, boolean verified) {
        return "Bearer " + sign(LOCAL_SECRET, new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("email", email)
                .claim("email_verified", verified)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .build());
    }

    public static String signed(String secret, String subject, String scope, List<String> orgs, Instant expiresAt) {
        return sign(secret, new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("scope", scope)
                .claim("orgs", orgs)
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt))
                .build());
    }

    private static String sign(String secret, JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
