package dev.invitations.command.web;

import com.fasterxml.jackson.annotation.JsonAlias;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the command API, as the contract names their fields. Unknown fields are ignored. */
final class InvitationRequests {

    private InvitationRequests() {
    }

    record Create(@JsonAlias("email") String invitedEmail,
                  String role,
                  List<String> roles,
                  String inviter,
                  String ttl,
                  Instant expirationTime,
                  Boolean disableInvitationEmail,
                  Map<String, String> labels,
                  String locale,
                  String redirectUrl,
                  Map<String, Object> metadata) {
    }

    record BatchCreate(List<Create> requests) {
    }

    record Resend(String ttl, Instant expirationTime, String locale) {
        static final Resend DEFAULTS = new Resend(null, null, null);
    }

    record Revoke(String reason) {
        static final Revoke WITHOUT_REASON = new Revoke(null);
    }

    /** A partial update: absent fields stay as they are; {@code state} may only become REVOKED. */
    record Update(String role, List<String> roles, Map<String, String> labels, String state, String revokeReason) {
    }

    /** Accept or decline with the token from the email. */
    record UseToken(String token, String acceptedBy, String email) {

        /** Without the token: request bodies reach debug logs. */
        @Override
        public String toString() {
            return "UseToken[token=(hidden), acceptedBy=" + acceptedBy + ", email=" + email + "]";
        }
    }
}
