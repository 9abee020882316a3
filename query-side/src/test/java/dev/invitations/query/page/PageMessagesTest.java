package dev.invitations.query.page;

import dev.invitations.testing.MessageBundlesForTests;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's message bundles: one per written language, each saying everything the English one says. */
class PageMessagesTest {

    @Test
    void everyWrittenLanguageHasABundleWithEveryMessage() {
        MessageBundlesForTests.assertEveryWrittenLanguageHasEveryMessage("messages/page");
    }

    @Test
    void noMessageHoldsAPlainApostropheWhichMessageFormatWouldSwallow() {
        MessageBundlesForTests.assertNoPlainApostrophe("messages/page");
    }

    @Test
    void messagesAreReadInTheNearestWrittenLanguageWhateverTheLocale() {
        var messages = new WrittenLanguageMessages("messages/page");

        assertThat(messages.getMessage("page.decline", null, Locale.forLanguageTag("de-CH"))).isEqualTo("Ablehnen");
        assertThat(messages.getMessage("page.decline", null, Locale.forLanguageTag("pt-BR"))).isEqualTo("Recusar");
        assertThat(messages.getMessage("page.decline", null, Locale.forLanguageTag("ja-JP"))).isEqualTo("Decline");
        assertThat(messages.getMessage("page.decline", null, Locale.ROOT)).isEqualTo("Decline");
        assertThat(messages.getMessage("page.pending.heading", new Object[]{"Acme"}, Locale.FRENCH))
                .isEqualTo("Invitation à rejoindre Acme");
        assertThat(messages.getMessage("problemDetail.no.such.code", null, null, Locale.GERMAN))
                .as("not a message of the page").isNull();
    }
}
