package dev.invitations.query.page;

import dev.invitations.api.language.InvitationLanguage;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Message bundles (UTF-8) read in the written language nearest to the locale asked for ({@code de-AT} reads
 * {@code de}, anything unknown English), never in the JVM's default locale. As the application's message source it
 * also answers lookups in a request's {@code Accept-Language}: mapped first, those locales can only ever make it
 * cache the bundles and formats of the few written languages, whatever requests name.
 */
class WrittenLanguageMessages implements MessageSource {

    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();

    WrittenLanguageMessages(String basename) {
        bundles.setBasename(basename);
        bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundles.setFallbackToSystemLocale(false);
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        return bundles.getMessage(code, args, defaultMessage, written(locale));
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        return bundles.getMessage(code, args, written(locale));
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        return bundles.getMessage(resolvable, written(locale));
    }

    private static Locale written(Locale locale) {
        return InvitationLanguage.of(locale == null ? null : locale.toLanguageTag()).written();
    }
}
