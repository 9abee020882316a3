package dev.invitations.api.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTagsTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "pt-BR", "de-AT", "zh-Hant-TW", "es-419", "fil"})
    void acceptsWellFormedTags(String tag) {
        assertThat(LanguageTags.isWellFormed(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "de-", "-de", "de_AT", "!!", "de AT", "<script>", "x-klingon-too-long-subtag",
            "abcdefghi", "und", "UND-Latn", "en-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesMalformedOrOverlongTags(String tag) {
        assertThat(LanguageTags.isWellFormed(tag)).isFalse();
    }
}
