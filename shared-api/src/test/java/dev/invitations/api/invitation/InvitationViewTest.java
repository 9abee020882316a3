package dev.invitations.api.invitation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationViewTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final InvitationCreated CREATED = new InvitationCreated("id-1", "acme", "Ada@Example.com", "member",
            "Grace", Map.of("team", "growth"), false, "hash-1", T0.plusSeconds(3600), "admin-1", T0);
    private static final InvitationRevoked REVOKED =
            new InvitationRevoked("id-1", "acme", "Ada@Example.com", "wrong person", "admin-2", T0.plusSeconds(60));

    @Test
    void foldsTheEventsIntoTheResource() {
        var view = InvitationView.replay(List.of(CREATED, REVOKED), List.of(0L, 1L));

        assertThat(view.getName()).isEqualTo("orgs/acme/invitations/id-1");
        assertThat(view.getUrn()).isEqualTo("urn:invitations:org:acme:invitation/id-1");
        assertThat(view.getState()).isEqualTo(InvitationState.REVOKED);
        assertThat(view.getCreator()).isEqualTo("admin-1");
        assertThat(view.getUpdater()).isEqualTo("admin-2");
        assertThat(view.getRevokeReason()).isEqualTo("wrong person");
        assertThat(view.getUpdateTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(view.getVersion()).isEqualTo(1);
    }

    @Test
    void anEventAlreadySeenOrOlderChangesNothing() {
        var view = InvitationView.replay(List.of(CREATED, REVOKED), List.of(0L, 1L));

        assertThat(view.apply(REVOKED, 1)).isFalse();
        assertThat(view.apply(CREATED, 0)).isFalse();
        assertThat(view.getState()).isEqualTo(InvitationState.REVOKED);
        assertThat(view.getVersion()).isEqualTo(1);
    }
}
