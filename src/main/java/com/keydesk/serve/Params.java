package com.keydesk.serve;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request's parameters: from the query string (GET, DELETE) or a JSON object body (POST,
 * PATCH), each read as the type its field needs. Unknown parameters are ignored, as Files.com
 * does; a repeated query parameter counts with its last value, as Files.com's Rails does.
 * <p>
 * A JSON body is read token by token ({@link ApiJson}): a text value is kept as a String (as a query
 * value is), a whole number that fits a long as a Long, null as {@link #JSON_NULL}, and anything
 * else (fractions, booleans, arrays, objects) as {@link #OTHER}, read to its end but never used.
 */
final class Params {
    /** A parameter sent as JSON null: present, with no value. */
    private static final Object JSON_NULL = new Object();
    /** A parameter of a JSON type no parameter takes. */
    private static final Object OTHER = new Object();

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    static Params none() {
        return new Params(Map.of());
    }

    /** From a raw query string (still percent-encoded), or null. */
    static Params ofQuery(String rawQuery) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new Params(out);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.put(name, value);
        }
        return new Params(out);
    }

    /**
     * From a JSON body; an empty body is no parameters. The whole body is read before anything is
     * judged: malformed JSON (a repeated field at any depth, anything after the first value) says so
     * first, then a body that is not one object.
     */
    static Params ofJson(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            return new Params(Map.of());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        boolean object;
        try (JsonParser json = ApiJson.parser(body)) {
            object = json.nextToken() == JsonToken.START_OBJECT;
            if (object) {
                JsonToken t = json.nextToken();
                for (; t == JsonToken.PROPERTY_NAME; t = json.nextToken()) {
                    String name = json.currentName();
                    json.nextToken();
                    out.put(name, value(json));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw ApiError.invalidBody("The body is not valid JSON.");
                }
            } else {
                value(json);
            }
            if (json.nextToken() != null) {
                throw ApiError.invalidBody("The body is not valid JSON.");
            }
        } catch (JacksonException e) {
            throw ApiError.invalidBody("The body is not valid JSON.");
        }
        if (!object) {
            throw ApiError.invalidBody("The body must be one JSON object of parameters.");
        }
        return new Params(out);
    }

    /**
     * The value at the parser's token, read to its end. Every text and number inside an array or
     * object is decoded too, so a broken escape or an over-long number anywhere is malformed JSON.
     */
    private static Object value(JsonParser json) {
        JsonToken token = json.currentToken();
        if (token == null) {
            return OTHER;
        }
        switch (token) {
            case VALUE_STRING:
                return json.getString();
            case VALUE_NULL:
                return JSON_NULL;
            case VALUE_NUMBER_INT:
                return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? decoded(json) : json.getLongValue();
            case START_OBJECT:
            case START_ARRAY:
                for (int depth = 1; depth > 0; ) {
                    JsonToken inner = json.nextToken();
                    if (inner == null) {
                        throw ApiError.invalidBody("The body is not valid JSON.");
                    }
                    if (inner.isStructStart()) {
                        depth++;
                    } else if (inner.isStructEnd()) {
                        depth--;
                    } else if (inner.isScalarValue()) {
                        decoded(json);
                    }
                }
                return OTHER;
            default:
                return decoded(json);
        }
    }

    /** Decodes a scalar the way building a tree of it would, and returns {@link #OTHER}. */
    private static Object decoded(JsonParser json) {
        switch (json.currentToken()) {
            case VALUE_STRING -> json.getString();
            case VALUE_NUMBER_INT -> json.getNumberValue();
            case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
            default -> {
            }
        }
        return OTHER;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A text parameter; null when absent or JSON null. A number or object where text belongs is refused. */
    String text(String name) {
        Object v = values.get(name);
        if (v == null || v == JSON_NULL) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw ApiError.invalidParams("The parameter " + name + " must be text.");
    }

    /** A whole number parameter (a JSON number or, in a query, digits); empty when absent or null. */
    Optional<Long> number(String name) {
        Object v = values.get(name);
        if (v == null || v == JSON_NULL) {
            return Optional.empty();
        }
        if (v instanceof Long n && n >= 0) {
            return Optional.of(n);
        }
        if (!(v instanceof String s) || !s.matches("[0-9]{1,18}")) {
            throw ApiError.invalidParams("The parameter " + name + " must be a whole number.");
        }
        return Optional.of(Long.parseLong(s));
    }

    /** A date or time parameter; a date alone means its start in UTC. Null when absent, null or empty. */
    Instant time(String name) {
        String s = text(name);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.datetime(name);
        }
    }

    /** Strict percent-decoding: a stray '%' or bytes that are not UTF-8 are a bad request, not a guess. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw ApiError.invalidParams("The query string has a broken %-escape.");
                }
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c > 0x7E || c < 0x20) {
                throw ApiError.invalidParams("The query string holds a character that must be %-escaped.");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.invalidParams("The query string is not UTF-8.");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
