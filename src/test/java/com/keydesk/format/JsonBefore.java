package com.keydesk.format;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The command line's JSON writer as it was before the list was streamed and its strings and
 * instants were written faster, kept verbatim: the yardstick the new output must match byte for byte.
 */
public final class JsonBefore {
    private JsonBefore() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, "");
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, String indent) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Instant t -> string(out, t.toString());
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

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
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
}
