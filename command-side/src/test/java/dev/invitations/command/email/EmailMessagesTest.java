package dev.invitations.command.email;

import dev.invitations.api.language.InvitationLanguage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The email's message bundles: one per written language, each saying everything the English one says. */
class EmailMessagesTest {

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

    /** The bundle file of {@code language} alone, without its parents'; English is the base bundle. */
    private static Properties bundle(Locale language) {
        String name = "messages/email" + (language.equals(Locale.ENGLISH) ? "" : "_" + language) + ".properties";
        var stream = EmailMessagesTest.class.getClassLoader().getResourceAsStream(name);
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
