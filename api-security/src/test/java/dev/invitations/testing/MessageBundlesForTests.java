package dev.invitations.testing;

import dev.invitations.api.language.InvitationLanguage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of a side's message bundles ({@code messages/email}, {@code messages/page}) in every written language. */
public final class MessageBundlesForTests {

    private MessageBundlesForTests() {
    }

    /** Each written language has a bundle file of its own that says everything the English base bundle says. */
    public static void assertEveryWrittenLanguageHasEveryMessage(String basename) {
        Properties english = bundle(basename, Locale.ENGLISH);
        for (Locale language : InvitationLanguage.WRITTEN) {
            assertThat(bundle(basename, language).stringPropertyNames()).as(language.toLanguageTag())
                    .isEqualTo(english.stringPropertyNames());
        }
    }

    /** No message holds a plain apostrophe, which {@code MessageFormat} would swallow. */
    public static void assertNoPlainApostrophe(String basename) {
        for (Locale language : InvitationLanguage.WRITTEN) {
            bundle(basename, language).forEach((key, message) ->
                    assertThat((String) message).as(language + " " + key).doesNotContain("'"));
        }
    }

    /** The bundle file of {@code language} alone, without its parents'; English is the base bundle. */
    private static Properties bundle(String basename, Locale language) {
        String name = basename + (language.equals(Locale.ENGLISH) ? "" : "_" + language) + ".properties";
        var stream = MessageBundlesForTests.class.getClassLoader().getResourceAsStream(name);
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
