package dev.invitations.command.email;

import dev.invitations.command.RunningCommandSide;
import dev.invitations.command.invitation.InvitationSaga;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sagas and retry deadlines stored by the release before several roles, org display names and locales hold the
 * email with one {@code role}; read by the serializer the saga and deadline stores use, it is still the same email.
 */
class EmailsStoredByAnEarlierReleaseTest extends RunningCommandSide {

    /** An email as the earlier release stored it (a retry deadline's payload, the saga's {@code email}). */
    private static final String EARLIER_EMAIL = """
            {"invitationId":"42534723-9a72-4e42-92c1-6de627fae921","orgId":"org-d5d95a6d",\
            "invitedEmail":"x@org-d5d95a6d.example.com","role":"admin","inviter":"Ada",\
            "expirationTime":"2026-12-07T19:30:29.022706090Z","sendCount":1,\
            "tokenHash":"sGVI7WDvM-EX0x64RO-FzfaISD-OnXAPYyyiCUXqBx8"}""";

    /** A saga as the earlier release stored it, holding that email. */
    private static final String EARLIER_SAGA = """
            {"invitationId":"42534723-9a72-4e42-92c1-6de627fae921","email":%s,"attempts":1,\
            "expiryDeadline":"a67821d0-94e4-48aa-9d0b-c663d3df2961","retryDeadline":null}""".formatted(EARLIER_EMAIL);

    @Autowired
    private Serializer serializer;

    @Test
    void anEarlierEmailReadsWithItsRoleAsTheOnlyOneInEnglishWithoutDisplayName() {
        InvitationEmail email = read(EARLIER_EMAIL, InvitationEmail.class);

        assertThat(email).isEqualTo(new InvitationEmail("42534723-9a72-4e42-92c1-6de627fae921", "org-d5d95a6d", null,
                "x@org-d5d95a6d.example.com", List.of("admin"), "Ada", null,
                Instant.parse("2026-12-07T19:30:29.022706090Z"), 1, "sGVI7WDvM-EX0x64RO-FzfaISD-OnXAPYyyiCUXqBx8"));
    }

    @Test
    void anEarlierSagaReadsAndIsStoredAgainInTheNewShape() {
        InvitationSaga saga = read(EARLIER_SAGA, InvitationSaga.class);

        String storedAgain = serializer.serialize(saga, String.class).getData();
        assertThat(storedAgain).contains("\"roles\":[\"admin\"]", "\"locale\":null", "\"orgDisplayName\":null",
                "\"sendCount\":1", "\"expiryDeadline\":\"a67821d0-94e4-48aa-9d0b-c663d3df2961\"")
                .doesNotContain("\"role\":");
    }

    private <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, type.getName(), null));
    }
}
