package dev.invitations.api.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationLanguageTest {

    private static final Instant MONDAY_AFTERNOON = Instant.parse("2030-03-04T15:30:00Z");

    @Test
    void eachWrittenLanguageIsChosenByItsOwnTag() {
        assertThat(InvitationLanguage.of("en").tag()).isEqualTo("en");
        assertThat(InvitationLanguage.of("de").tag()).isEqualTo("de");
        assertThat(InvitationLanguage.of("fr").tag()).isEqualTo("fr");
        assertThat(InvitationLanguage.of("es").tag()).isEqualTo("es");
        assertThat(InvitationLanguage.of("pt-BR").tag()).isEqualTo("pt-BR");
        assertThat(InvitationLanguage.of("PT-br").tag()).as("tags are case-insensitive").isEqualTo("pt-BR");
    }

    @Test
    void aTagWithoutTextsOfItsOwnFallsBackAlongItsParentsAndKeepsItsRegionForDates() {
        var austrian = InvitationLanguage.of("de-AT");
        assertThat(austrian.written()).isEqualTo(Locale.GERMAN);
        assertThat(austrian.formatting()).isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(InvitationLanguage.of("es-419").formatting()).isEqualTo(Locale.forLanguageTag("es-419"));
        assertThat(InvitationLanguage.of("en-GB-u-ca-buddhist").formatting()).isEqualTo(Locale.UK);
        assertThat(InvitationLanguage.of("fr-Latn-CA").tag()).isEqualTo("fr");
    }

    @Test
    void aLanguageWithoutTextsIsEnglishWrittenAndFormatted() {
        assertThat(InvitationLanguage.of("pt-PT")).isEqualTo(InvitationLanguage.ENGLISH);
        assertThat(InvitationLanguage.of("ja")).isEqualTo(InvitationLanguage.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "zz", "x-klingon", "i-klingon", "de-", "-de", "de_DE", "!!", "<script>", "en--GB",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                    + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void anUnknownOrMalformedTagIsEnglish(String tag) {
        assertThat(InvitationLanguage.of(tag)).isEqualTo(InvitationLanguage.ENGLISH);
    }

    @Test
    void theFirstTagThatHasALanguageWins() {
        assertThat(InvitationLanguage.of("zz", "!!", null, "fr-CA", "de").tag()).isEqualTo("fr");
        assertThat(InvitationLanguage.of(null, "de").tag()).isEqualTo("de");
        assertThat(InvitationLanguage.of((String) null)).isEqualTo(InvitationLanguage.ENGLISH);
        assertThat(InvitationLanguage.of()).isEqualTo(InvitationLanguage.ENGLISH);
    }

    @Test
    void datesAndTimesAreWrittenTheLanguagesAndRegionsWayInUtcNamed() {
        assertThat(InvitationLanguage.of("en").dateTime(MONDAY_AFTERNOON))
                .contains("Monday", "March 4, 2030", "3:30").endsWith(" UTC");
        assertThat(InvitationLanguage.of("en-GB").dateTime(MONDAY_AFTERNOON))
                .contains("Monday", "4 March 2030", "15:30").endsWith(" UTC");
        assertThat(InvitationLanguage.of("de").dateTime(MONDAY_AFTERNOON))
                .contains("Montag", "4. März 2030", "15:30").endsWith(" UTC");
        assertThat(InvitationLanguage.of("fr").dateTime(MONDAY_AFTERNOON))
                .contains("lundi 4 mars 2030", "15:30").endsWith(" UTC");
        assertThat(InvitationLanguage.of("es").dateTime(MONDAY_AFTERNOON))
                .contains("lunes", "4 de marzo de 2030", "15:30").endsWith(" UTC");
        assertThat(InvitationLanguage.of("pt-BR").dateTime(MONDAY_AFTERNOON))
                .contains("segunda-feira", "4 de março de 2030", "15:30").endsWith(" UTC");
        assertThat(InvitationLanguage.of("!!").dateTime(MONDAY_AFTERNOON)).contains("Monday").endsWith(" UTC");
    }
}
