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

    @Test
    void deliveryFollowsTheRecordsOfTheCurrentSendsEmail() {
        var view = InvitationView.replay(List.of(CREATED), List.of(0L));
        assertThat(view.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 0, null));

        view.apply(new InvitationEmailFailed("id-1", "acme", "Ada@Example.com", 1, 1, "Connection refused", true, T0), 1);
        assertThat(view.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 1, "Connection refused"));

        view.apply(new InvitationEmailFailed("id-1", "acme", "Ada@Example.com", 1, 2, "550 no such user", false, T0), 2);
        assertThat(view.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.FAILED, 2, "550 no such user"));

        view.apply(new InvitationResent("id-1", "acme", "Ada@Example.com", "hash-2", 2, T0.plusSeconds(7200),
                "admin-1", T0.plusSeconds(10)), 3);
        assertThat(view.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 0, null));

        // a late record of the first send's email says nothing about the second's
        view.apply(new InvitationEmailSent("id-1", "acme", "Ada@Example.com", 1, 3, T0), 4);
        assertThat(view.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 0, null));
        assertThat(view.getVersion()).isEqualTo(4);

        view.apply(new InvitationEmailSent("id-1", "acme", "Ada@Example.com", 2, 1, T0), 5);
        assertThat(view.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.SENT, 1, null));
    }

    @Test
    void anInvitationWithoutEmailIsSuppressed() {
        var silent = new InvitationCreated("id-2", "acme", "b@example.com", "member", null, Map.of(), true, "hash",
                T0.plusSeconds(3600), "admin-1", T0);

        assertThat(InvitationView.replay(List.of(silent), List.of(0L)).getDelivery().status())
                .isEqualTo(DeliveryStatus.SUPPRESSED);
    }
}
