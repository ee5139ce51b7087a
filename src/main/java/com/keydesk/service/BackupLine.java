package com.keydesk.service;

import com.keydesk.domain.ValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a backup's JSON-lines file: a flat object with exactly the expected fields, each a
 * string, whole number, boolean or null. Read with Jackson's bounded streaming parser; any other
 * shape is refused with the file and line named.
 */
final class BackupLine {
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private final String where;
    private final Map<String, Object> values;

    private BackupLine(String where, Map<String, Object> values) {
        this.where = where;
        this.values = values;
    }

    static BackupLine parse(String file, long number, byte[] bytes, int length, List<String> fields) {
        return parse(file, number, bytes, length, fields, List.of());
    }

    /**
     * As above, where {@code addedLater} are fields a newer schema added to the line: all of them
     * or none may be there (a backup of an older store has none); {@link #has} says which.
     */
    static BackupLine parse(String file, long number, byte[] bytes, int length, List<String> fields,
                            List<String> addedLater) {
        String where = "line " + number + " of " + file;
        Map<String, Object> values = new HashMap<>();
        try (JsonParser p = BackupFormat.JSON.createParser(ObjectReadContext.empty(), bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Bad(where + " is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if (t != JsonToken.PROPERTY_NAME || token == null) {
                    throw new Bad(where + " is not a complete JSON object");
                }
                Object value = switch (token) {
                    case VALUE_STRING -> p.getString();
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_NULL -> null;
                    default -> throw new Bad(where + ": the field " + name + " is not a plain value");
                };
                if (!fields.contains(name) && !addedLater.contains(name)) {
                    throw new Bad(where + " has a field no KeyDesk backup has");
                }
                values.put(name, value);
            }
            if (p.nextToken() != null) {
                throw new Bad(where + " holds more than one JSON object");
            }
        } catch (JacksonException e) {
            throw new Bad(where + " is not valid JSON within KeyDesk's limits");
        }
        boolean later = addedLater.stream().anyMatch(values::containsKey);
        List<String> expected = later ? java.util.stream.Stream.concat(fields.stream(), addedLater.stream()).toList() : fields;
        if (values.size() != expected.size()) {
            throw new Bad(where + " lacks a field (" + expected.stream().filter(f -> !values.containsKey(f)).findFirst()
                    .orElse("?") + ")");
        }
        return new BackupLine(where, values);
    }

    /** Whether the line holds this field (for fields a newer schema added). */
    boolean has(String field) {
        return values.containsKey(field);
    }

    String where() {
        return where;
    }

    String text(String field) {
        return optional(field, String.class, "text");
    }

    String requiredText(String field) {
        return present(field, text(field));
    }

    Long number(String field) {
        return optional(field, Long.class, "a whole number");
    }

    long positive(String field) {
        Long v = number(field);
        if (v == null || v < 1) {
            throw new Bad(where + ": " + field + " is not a positive whole number");
        }
        return v;
    }

    boolean flag(String field) {
        if (!(values.get(field) instanceof Boolean b)) {
            throw new Bad(where + ": " + field + " is not true or false");
        }
        return b;
    }

    /** A time as KeyDesk stores it: UTC, microseconds at most, between 1970 and 9999. */
    Instant time(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            Instant t = Instant.parse(v);
            if (t.isBefore(EARLIEST) || t.isAfter(LATEST) || !t.equals(t.truncatedTo(ChronoUnit.MICROS))) {
                throw new Bad(where + ": " + field + " is not a time KeyDesk stores");
            }
            return t;
        } catch (DateTimeException e) {
            throw new Bad(where + ": " + field + " is not a time");
        }
    }

    Instant requiredTime(String field) {
        return present(field, time(field));
    }

    /** The field's value if it is a {@code type} or null; otherwise the line is refused as not {@code what}. */
    private <T> T optional(String field, Class<T> type, String what) {
        Object v = values.get(field);
        if (v != null && !type.isInstance(v)) {
            throw new Bad(where + ": " + field + " is not " + what);
        }
        return type.cast(v);
    }

    private <T> T present(String field, T value) {
        if (value == null) {
            throw new Bad(where + ": " + field + " is missing");
        }
        return value;
    }

    /** Why a line was refused; the reader adds which backup. */
    static final class Bad extends ValidationException {
        Bad(String why) {
            super("file", why);
        }
    }
}
