package dev.invitations.query.invitation;

import dev.invitations.api.token.InvitationTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;

/**
 * List cursors: the position of one invitation in the newest-first order ({@code createTime}, then {@code id}),
 * signed with a key derived from the token secret. A keyset position, unlike an offset, stays right while
 * invitations are added before it; the signature (bound to the org) makes a changed or foreign cursor a 400
 * instead of a query the service never meant to run.
 */
final class ListCursors {

    /** Where a page starts or ends. */
    record Position(Instant createTime, String id) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;

    private final SecretKeySpec key;

    ListCursors(InvitationTokens tokens) {
        this.key = new SecretKeySpec(tokens.derivedKey("list-cursor"), "HmacSHA256");
    }

    String cursorAt(String orgId, Position position) {
        String payload = position.createTime() + "|" + position.id();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + signature(orgId, payload);
    }

    /** @throws InvalidCursorException naming {@code parameter} when the cursor is not one of {@link #cursorAt} */
    Position positionOf(String orgId, String cursor, String parameter) {
        try {
            String[] parts = cursor.split("\\.", -1);
            String payload = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            if (parts.length != 2 || !MessageDigest.isEqual(
                    signature(orgId, payload).getBytes(StandardCharsets.US_ASCII),
                    parts[1].getBytes(StandardCharsets.US_ASCII))) {
                throw new InvalidCursorException(parameter);
            }
            int separator = payload.indexOf('|');
            return new Position(Instant.parse(payload.substring(0, separator)), payload.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException malformed) {
            throw new InvalidCursorException(parameter);
        }
    }

    private String signature(String orgId, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((orgId + "|" + payload).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(full, SIGNATURE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
