package dev.invitations.query;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Instants in the views as fixed-width UTC text with nanoseconds ({@code 2026-11-21T09:01:12.123456000Z}). A BSON
 * date keeps only milliseconds, so a view would not show the times the events carry; text of a fixed width keeps
 * them all and still sorts and compares in time order.
 */
public final class StoredInstants {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StoredInstants() {
    }

    /** The stored form of {@code instant}, also what queries compare stored instants with. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    static List<Converter<?, ?>> converters() {
        return List.of(new InstantToText(), new TextToInstant());
    }

    @WritingConverter
    private static final class InstantToText implements Converter<Instant, String> {
        @Override
        public String convert(Instant instant) {
            return format(instant);
        }
    }

    @ReadingConverter
    private static final class TextToInstant implements Converter<String, Instant> {
        @Override
        public Instant convert(String text) {
            return Instant.parse(text);
        }
    }
}
