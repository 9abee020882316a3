package dev.invitations.api.language;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The language an invitation is written in (its email, the invitee's page), chosen from BCP 47 tags in order of
 * preference: the first tag whose own language, or its nearest parent's ({@code de-AT} → {@code de}), is one of the
 * {@linkplain #WRITTEN written} ones; English when none is. A tag that is not well-formed ({@code de-}, {@code !!})
 * or names no language ({@code x-klingon}) asks for nothing. Only written languages ever come out, never the JVM's
 * default, so whatever a tag says, the texts and the caches that hold them stay within these few.
 *
 * @param written    the language of the text: the locale its messages are read in, and the HTML {@code lang}
 * @param formatting the locale dates are written in: the tag's language and region ({@code en-GB} writes "4 March"),
 *                   or the written language when no tag was chosen
 */
public record InvitationLanguage(Locale written, Locale formatting) {

    /** The languages the service writes in; the first is the last resort. */
    public static final List<Locale> WRITTEN = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), Locale.forLanguageTag("pt-BR"));

    public static final InvitationLanguage ENGLISH = new InvitationLanguage(Locale.ENGLISH, Locale.ENGLISH);

    /** The zone the service shows times in; as a region it is named "UTC" in every language (an offset prints "Z"). */
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A locale's parents as resource bundles look them up: de-AT, then de (and then the root, never written). */
    private static final ResourceBundle.Control PARENTS =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);

    /** The language of the first of {@code tags} (null ones count as asking for nothing) that has one, else English. */
    public static InvitationLanguage of(String... tags) {
        if (tags != null) {
            for (String tag : tags) {
                Optional<InvitationLanguage> language = writtenFor(tag);
                if (language.isPresent()) {
                    return language.get();
                }
            }
        }
        return ENGLISH;
    }

    /** The written language's BCP 47 tag: {@code en}, {@code de}, {@code pt-BR}... */
    public String tag() {
        return written.toLanguageTag();
    }

    /**
     * {@code instant} as the language writes a date and time, in UTC and saying so: "Monday, March 4, 2030, 3:30 PM
     * UTC", "Montag, 4. März 2030, 15:30 UTC".
     */
    public String dateTime(Instant instant) {
        return new DateTimeFormatterBuilder()
                .appendLocalized(FormatStyle.FULL, FormatStyle.SHORT).appendLiteral(' ').appendZoneText(TextStyle.SHORT)
                .toFormatter(formatting)
                .withZone(UTC)
                .format(instant);
    }

    private static Optional<InvitationLanguage> writtenFor(String tag) {
        return parsed(tag).flatMap(asked -> PARENTS.getCandidateLocales("", asked).stream()
                .filter(WRITTEN::contains)
                .findFirst()
                .map(written -> new InvitationLanguage(written, new Locale.Builder()
                        .setLanguage(asked.getLanguage()).setRegion(asked.getCountry()).build())));
    }

    /** The locale {@code tag} names when it is well-formed BCP 47 and names a language. */
    private static Optional<Locale> parsed(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
        } catch (IllformedLocaleException notBcp47) {
            return Optional.empty();
        }
    }
}
