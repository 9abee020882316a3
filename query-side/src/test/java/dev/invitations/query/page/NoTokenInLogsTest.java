package dev.invitations.query.page;

import dev.invitations.query.RunningQuerySide;
import dev.invitations.testing.HttpForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitee's token calls with the query side's normal logging: no plaintext token may appear in any log line.
 * (With {@code org.springframework.web} at DEBUG, Spring itself logs request URLs with their query strings.)
 */
@ExtendWith(OutputCaptureExtension.class)
class NoTokenInLogsTest extends RunningQuerySide {

    @Test
    void lookupAndTheInviteePageLogNoToken(CapturedOutput logs) {
        String org = newOrg();
        String id = events.create(org, "log@example.com", Instant.now());
        viewAt(org, id, 0);
        String token = events.tokenOf(id, 1);
        var invitee = new HttpForTests(port, null);

        assertThat(invitee.get("/v1/invitations:lookup?token=" + token).status()).isEqualTo(200);
        assertThat(invitee.get("/invite?token=" + token).status()).isEqualTo(200);
        // the answers of a token cut short and of one that stopped working take other paths
        assertThat(invitee.get("/v1/invitations:lookup?token=" + token.substring(1)).status()).isEqualTo(404);
        assertThat(invitee.get("/invite?token=" + token.substring(1)).status()).isEqualTo(404);
        events.write(id, 1, events.revoked(org, id, "log@example.com"));
        viewAt(org, id, 1);
        assertThat(invitee.get("/invite?token=" + token).status()).isEqualTo(410);

        assertThat(logs.getAll()).doesNotContain(token);
        assertThat(logs.getAll()).doesNotContain(token.substring(22)); // nor its secret part alone
    }
}
