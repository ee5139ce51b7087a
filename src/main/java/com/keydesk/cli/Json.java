package com.keydesk.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** A small JSON writer: maps keep their insertion order, strings are escaped per RFC 8259. */
final class Json {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, "");
        return out.toString();
    }

    /** Appends one value as {@link #write} would inside a structure indented by {@code indent}. */
    static void append(StringBuilder out, Object value, String indent) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Instant t -> instant(out, t);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> map -> object(out, map, indent);
            case Collection<?> list -> array(out, list, indent);
            default -> string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + "  ";
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(inner);
            string(out, e.getKey().toString());
            out.append(": ");
            append(out, e.getValue(), inner);
            out.append(++i < map.size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void array(StringBuilder out, Collection<?> list, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + "  ";
        out.append("[\n");
        int i = 0;
        for (Object item : list) {
            out.append(inner);
            append(out, item, inner);
            out.append(++i < list.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        int plain = plainPrefix(s);
        out.append(s, 0, plain); // usually the whole string: copied at once rather than char by char
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** How many leading characters of the string need no escaping. */
    private static int plainPrefix(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x2028 || c == 0x2029) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * The text of {@link Instant#toString()} in quotes, written without its DateTimeFormatter, which
     * took a tenth of the time of encoding 100,000 keys: yyyy-MM-ddTHH:mm:ss, then 3, 6 or 9
     * fraction digits when there is a fraction, then Z. Years outside 0000-9999 (never stored)
     * take Instant.toString itself.
     */
    private static void instant(StringBuilder out, Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < YEAR_0000 || seconds >= YEAR_10000) {
            string(out, t.toString());
            return;
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        out.append('"');
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
        out.append("Z\"");
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
