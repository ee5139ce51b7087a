package com.keydesk.format;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The command line's JSON, written with Jackson's streaming generator (the one JSON library the
 * HTTP API and backups use too). Maps keep their insertion order. The layout and escaping are the
 * ones scripts already read (JsonTest compares byte for byte with the writer this replaced): two
 * spaces of indentation, {@code "name": value}, {@code []} and {@code {}} when empty, short escapes
 * only for quote, backslash, newline, return and tab, the four-hex-digit form (lower case) for
 * other control characters, and U+2028/U+2029 escaped (JavaScript's line separators).
 */
public final class Json {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .characterEscapes(new Escapes())
            .build();

    /** Hands Jackson the layout; one per generator, as pretty printers keep the nesting depth. */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                    .withObjectIndenter(indenter).withArrayIndenter(indenter);
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private Json() {
    }

    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out)) {
            value(g, value);
        }
        return out.toString();
    }

    /** A generator with the command line's layout over {@code out}; the caller closes it. */
    public static JsonGenerator generator(Writer out) {
        return FACTORY.createGenerator(PRETTY, out);
    }

    /** Writes one value: null, text, an instant (as its ISO-8601 text), a number, a boolean, a map or a collection. */
    public static void value(JsonGenerator g, Object value) {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Instant t -> g.writeString(instant(t));
            case Integer n -> g.writeNumber(n);
            case Long n -> g.writeNumber(n);
            case Number n -> g.writeNumber(n.toString());
            case Boolean b -> g.writeBoolean(b);
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeName(e.getKey().toString());
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Collection<?> list -> {
                g.writeStartArray();
                for (Object item : list) {
                    value(g, item);
                }
                g.writeEndArray();
            }
            default -> g.writeString(value.toString());
        }
    }

    /** Jackson's JSON escapes, but backspace and form feed in the four-digit form, and U+2028/U+2029 escaped. */
    private static final class Escapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        static {
            ASCII['\b'] = ESCAPE_STANDARD;
            ASCII['\f'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE_SEPARATOR : ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }

    /**
     * The text of {@link Instant#toString()}, written without its DateTimeFormatter, which
     * took a tenth of the time of encoding 100,000 keys: yyyy-MM-ddTHH:mm:ss, then 3, 6 or 9
     * fraction digits when there is a fraction, then Z. Years outside 0000-9999 (never stored)
     * take Instant.toString itself.
     */
    public static String instant(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < YEAR_0000 || seconds >= YEAR_10000) {
            return t.toString();
        }
        StringBuilder out = new StringBuilder(30);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        digits(out, date.getYear(), 4).append('-');
        digits(out, date.getMonthValue(), 2).append('-');
        digits(out, date.getDayOfMonth(), 2).append('T');
        digits(out, secondOfDay / 3600, 2).append(':');
        digits(out, secondOfDay / 60 % 60, 2).append(':');
        digits(out, secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    /** The value in exactly {@code width} decimal digits, zero-padded on the left. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
