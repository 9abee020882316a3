package dev.invitations.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationEmailFailed;
import dev.invitations.api.invitation.InvitationEmailSent;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.api.invitation.PersonalDataErased;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationResourceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final InvitationCreated CREATED = new InvitationCreated("id-1", "acme", "Ada@Example.com",
            List.of("member", "billing"), "Grace", Map.of("team", "growth"), false, "hash-1", T0.plusSeconds(3600),
            "de", "Acme Corp", "https://app.acme.com/welcome", Map.of("plan", "pro"), "admin-1", T0);
    private static final InvitationRevoked REVOKED =
            new InvitationRevoked("id-1", "acme", "Ada@Example.com", "wrong person", "admin-2", T0.plusSeconds(60));

    @Test
    void foldsTheEventsIntoTheResource() {
        var resource = replay(List.of(CREATED, REVOKED), List.of(0L, 1L));

        assertThat(resource.getName()).isEqualTo("orgs/acme/invitations/id-1");
        assertThat(resource.getUrn()).isEqualTo("urn:invitations:org:acme:invitation/id-1");
        assertThat(resource.getState()).isEqualTo(InvitationState.REVOKED);
        assertThat(resource.getCreator()).isEqualTo("admin-1");
        assertThat(resource.getUpdater()).isEqualTo("admin-2");
        assertThat(resource.getRevokeReason()).isEqualTo("wrong person");
        assertThat(resource.getUpdateTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(resource.getVersion()).isEqualTo(1);
    }

    @Test
    void anEventAlreadySeenOrOlderChangesNothing() {
        var resource = replay(List.of(CREATED, REVOKED), List.of(0L, 1L));

        assertThat(resource.apply(REVOKED, 1)).isFalse();
        assertThat(resource.apply(CREATED, 0)).isFalse();
        assertThat(resource.getState()).isEqualTo(InvitationState.REVOKED);
        assertThat(resource.getVersion()).isEqualTo(1);
    }

    @Test
    void deliveryFollowsTheRecordsOfTheCurrentSendsEmail() {
        var resource = replay(List.of(CREATED), List.of(0L));
        assertThat(resource.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 0, null));

        resource.apply(new InvitationEmailFailed("id-1", "acme", "Ada@Example.com", 1, 1, "Connection refused", true,
                T0), 1);
        assertThat(resource.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 1, "Connection refused"));

        resource.apply(new InvitationEmailFailed("id-1", "acme", "Ada@Example.com", 1, 2, "550 no such user", false,
                T0), 2);
        assertThat(resource.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.FAILED, 2, "550 no such user"));

        resource.apply(new InvitationResent("id-1", "acme", "Ada@Example.com", "hash-2", 2, T0.plusSeconds(7200),
                "fr", "Acme", "admin-1", T0.plusSeconds(10)), 3);
        assertThat(resource.getLocale()).isEqualTo("fr");
        assertThat(resource.getOrgDisplayName()).isEqualTo("Acme");
        assertThat(resource.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 0, null));

        // a late record of the first send's email says nothing about the second's
        resource.apply(new InvitationEmailSent("id-1", "acme", "Ada@Example.com", 1, 3, T0), 4);
        assertThat(resource.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.QUEUED, 0, null));
        assertThat(resource.getVersion()).isEqualTo(4);

        resource.apply(new InvitationEmailSent("id-1", "acme", "Ada@Example.com", 2, 1, T0), 5);
        assertThat(resource.getDelivery()).isEqualTo(new Delivery(DeliveryStatus.SENT, 1, null));
    }

    @Test
    void anInvitationWithoutEmailIsSuppressed() {
        var silent = new InvitationCreated("id-2", "acme", "b@example.com", List.of("member"), null, Map.of(),
                true, "hash", T0.plusSeconds(3600), "en", null, null, null, "admin-1", T0);

        assertThat(replay(List.of(silent), List.of(0L)).getDelivery().status())
                .isEqualTo(DeliveryStatus.SUPPRESSED);
    }

    @Test
    void itsJsonIsTheContractsResourceWithoutTheVersionWhichIsTheETag() throws Exception {
        var mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        JsonNode json = mapper.readTree(mapper.writeValueAsString(replay(List.of(CREATED, REVOKED), List.of(0L, 1L))));

        assertThat(json.get("name").asText()).isEqualTo("orgs/acme/invitations/id-1");
        assertThat(json.get("state").asText()).isEqualTo("REVOKED");
        assertThat(json.get("delivery").get("status").asText()).isEqualTo("QUEUED");
        assertThat(json.has("version")).isFalse();
        assertThat(json.get("role").asText()).isEqualTo("member");
        assertThat(json.get("roles")).hasSize(2);
        assertThat(json.get("roles").get(1).asText()).isEqualTo("billing");
        assertThat(json.get("locale").asText()).isEqualTo("de");
        assertThat(json.get("orgDisplayName").asText()).isEqualTo("Acme Corp");
        assertThat(json.get("redirectUrl").asText()).isEqualTo("https://app.acme.com/welcome");
        assertThat(json.get("metadata")).isEqualTo(mapper.readTree("{\"plan\":\"pro\"}"));
        assertThat(json.toString()).doesNotContain("hash-1");
    }

    @Test
    void anErasureClearsTheMetadataWithThePersonalFields() {
        var resource = replay(List.of(CREATED, new PersonalDataErased("id-1", "acme", "dpo", T0.plusSeconds(5))),
                List.of(0L, 1L));

        assertThat(resource.isErased()).isTrue();
        assertThat(resource.getInvitedEmail()).isNull();
        assertThat(resource.getMetadata()).isNull();
        assertThat(resource.getRoles()).containsExactly("member", "billing");
    }

    @Test
    void rolesChangeWithAnUpdateAndTheFirstIsTheRole() {
        var resource = replay(List.of(CREATED, new InvitationUpdated("id-1", "acme", List.of("admin"), Map.of(),
                "admin-2", T0.plusSeconds(5))), List.of(0L, 1L));

        assertThat(resource.getRoles()).containsExactly("admin");
        assertThat(resource.getRole()).isEqualTo("admin");
    }

    /** Folds a whole stream, oldest first; {@code sequences} are the events' aggregate sequence numbers. */
    private static InvitationResource replay(List<?> events, List<Long> sequences) {
        var resource = new InvitationResource();
        for (int i = 0; i < events.size(); i++) {
            resource.apply(events.get(i), sequences.get(i));
        }
        return resource;
    }
}
