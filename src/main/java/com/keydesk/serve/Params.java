package com.keydesk.serve;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 */
final class Params {
    /** A repeated field or anything after the object is a malformed body, not a guess at which part counts. */
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

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

    /** From a JSON body; an empty body is no parameters. */
    static Params ofJson(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            return new Params(Map.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.invalidBody("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.invalidBody("The body must be one JSON object of parameters.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            out.put(field.getKey(), field.getValue());
        }
        return new Params(out);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A text parameter; null when absent or JSON null. A number or object where text belongs is refused. */
    String text(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        JsonNode node = (JsonNode) v;
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiError.invalidParams("The parameter " + name + " must be text.");
        }
        return node.stringValue();
    }

    /** A whole number parameter (a JSON number or, in a query, digits); empty when absent or null. */
    Optional<Long> number(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof JsonNode node) {
            if (node.isNull()) {
                return Optional.empty();
            }
            if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
                return Optional.of(node.longValue());
            }
            if (!node.isString()) {
                throw ApiError.invalidParams("The parameter " + name + " must be a whole number.");
            }
            v = node.stringValue();
        }
        String s = (String) v;
        if (!s.matches("[0-9]{1,18}")) {
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
