package dev.invitations.api.language;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language tags ({@code locale}) an invitation and an org's settings accept: well-formed BCP 47 tags such as
 * {@code de}, {@code pt-BR} or {@code zh-Hant-TW}, at most {@value #MAX_LENGTH} characters. A tag is kept as given;
 * which language a reader gets for it (the tag, a parent, else English) is {@link InvitationLanguage}'s business.
 */
public final class LanguageTags {

    public static final int MAX_LENGTH = 35;
    private static final String UNDETERMINED = "und";
    // a language of 2-3 letters (or 5-8 registered), then subtags of 1-8 letters or digits: RFC 5646's shape
    private static final Pattern WELL_FORMED = Pattern.compile("(?:[A-Za-z]{2,3}|[A-Za-z]{5,8})(?:-[A-Za-z0-9]{1,8})*");

    private LanguageTags() {
    }

    /** Well-formed, and naming a language: {@code und} (undetermined) names none. */
    public static boolean isWellFormed(String tag) {
        return tag != null && tag.length() <= MAX_LENGTH && WELL_FORMED.matcher(tag).matches()
                && !tag.toLowerCase(Locale.ROOT).split("-")[0].equals(UNDETERMINED);
    }
}
