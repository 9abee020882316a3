package dev.invitations.query.page;

import dev.invitations.query.invitation.InvitationLookup;
import dev.invitations.resource.InvitationState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language the invitee's page is written in, and what it names in it. */
class InvitePageLanguageTest {

    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2030-03-04T15:30:00Z");

    @Test
    void langComesFirstThenTheInvitationsLocaleThenEnglish() {
        assertThat(InvitePage.of(invitation("de"), NOW, "fr").language().tag()).isEqualTo("fr");
        assertThat(InvitePage.of(invitation("de"), NOW, null).language().tag()).isEqualTo("de");
        assertThat(InvitePage.of(invitation("de"), NOW, "zz").language().tag())
                .as("a lang without a language of its own").isEqualTo("de");
        assertThat(InvitePage.of(invitation("de"), NOW, "!!").language().tag()).isEqualTo("de");
        assertThat(InvitePage.of(invitation(null), NOW, null).language().tag()).isEqualTo("en");
        assertThat(InvitePage.of(invitation("x-klingon"), NOW, "<b>").language().tag()).isEqualTo("en");
    }

    @Test
    void aPageWithoutInvitationIsInLangElseEnglish() {
        assertThat(InvitePage.noToken("es").language().tag()).isEqualTo("es");
        assertThat(InvitePage.unknown("pt-BR").language().tag()).isEqualTo("pt-BR");
        assertThat(InvitePage.unknown(null).language().tag()).isEqualTo("en");
        assertThat(InvitePage.noToken("de-").language().tag()).isEqualTo("en");
    }

    @Test
    void anExpiredInvitationsPageSaysUntilWhenInItsLanguage() {
        InvitePage page = InvitePage.of(invitation("de"), EXPIRY.plusSeconds(1), null);

        assertThat(page.messageKey()).isEqualTo("page.expired.message");
        assertThat(page.expiresAt()).contains("Montag", "4. März 2030", "15:30").endsWith(" UTC");
    }

    @Test
    void theOrgIsNamedByItsDisplayNameWhenItHasOne() {
        assertThat(InvitePage.of(invitation("en"), NOW, null).org()).isEqualTo("Acme GmbH");
        assertThat(InvitePage.of(new InvitationLookup("acme-id", null, "member", List.of("member"), null,
                "ada@example.com", InvitationState.PENDING, EXPIRY, null), NOW, null).org()).isEqualTo("acme-id");
        assertThat(InvitePage.unknown("en").org()).isNull();
    }

    private static InvitationLookup invitation(String locale) {
        return new InvitationLookup("acme-id", "Acme GmbH", "member", List.of("member"), "Ada", "ada@example.com",
                InvitationState.PENDING, EXPIRY, locale);
    }
}
