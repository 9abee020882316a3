package dev.invitations.query.page;

import dev.invitations.api.language.InvitationLanguage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's message bundles: one per written language, each saying everything the English one says. */
class PageMessagesTest {

    @Test
    void everyWrittenLanguageHasABundleWithEveryMessage() {
        Properties english = bundle(Locale.ENGLISH);
        for (Locale language : InvitationLanguage.WRITTEN) {
            assertThat(bundle(language).stringPropertyNames()).as(language.toLanguageTag())
                    .isEqualTo(english.stringPropertyNames());
        }
    }

    @Test
    void noMessageHoldsAPlainApostropheWhichMessageFormatWouldSwallow() {
        for (Locale language : InvitationLanguage.WRITTEN) {
            bundle(language).forEach((key, message) ->
                    assertThat((String) message).as(language + " " + key).doesNotContain("'"));
        }
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

    /** The bundle file of {@code language} alone, without its parents'; English is the base bundle. */
    private static Properties bundle(Locale language) {
        String name = "messages/page" + (language.equals(Locale.ENGLISH) ? "" : "_" + language) + ".properties";
        var stream = PageMessagesTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(stream).as(name).isNotNull();
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            var properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
