package com.keydesk.serve;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Secret;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reads bodies and writes answers with Jackson's streaming core alone; before, it used
 * databind (a tree per body, a map per answer). This holds the two to the same outcome: the same
 * bytes for every kind of answer, and for every body below the same error or the same parameters.
 * The "before" side is databind as the server configured it, kept here in the tests only.
 */
class ApiJsonParityTest {
    private static final JsonMapper DATABIND = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final String[] ODD = {"plain", "", "quote \" backslash \\ slash / </script>", "tab\tnew\nline\r\u0000\u001f\u007f",
            "line\u2028para\u2029", "é ü ñ 日本語", "emoji \uD83D\uDD11", "b\bf\f"};

    @Test
    void everyAnswerIsWrittenInTheBytesDatabindWrote() throws Exception {
        for (String odd : ODD) {
            for (Long user : new Long[]{null, 7L, Long.MAX_VALUE}) {
                Instant at = Instant.parse("2026-12-05T01:02:03.456789Z");
                ApiKey key = new ApiKey(Long.MAX_VALUE - 1, odd, user == null ? null : odd, user, "owner", false, true,
                        PermissionSet.FULL, null, false, odd.isEmpty() ? "label" : odd, at, "admin",
                        user == null ? null : at, user == null ? at : null);
                assertThat(text(ApiJson.bytes(KeyJson.of(key)))).isEqualTo(text(DATABIND.writeValueAsBytes(map(key))));
                Map<String, Object> issued = map(key);
                issued.put("key", "kds_" + odd);
                assertThat(text(ApiJson.bytes(KeyJson.issued(key, new Secret("kds_" + odd)))))
                        .isEqualTo(text(DATABIND.writeValueAsBytes(issued)));
                assertThat(text(listed(List.of(key, key)))).isEqualTo(text(databindList(List.of(map(key), map(key)))));
            }
            ApiError error = new ApiError(400, "bad-request/" + odd, odd);
            Map<String, Object> errorMap = new LinkedHashMap<>();
            errorMap.put("error", odd);
            errorMap.put("http-code", 400);
            errorMap.put("instance", "");
            errorMap.put("title", odd);
            errorMap.put("type", "bad-request/" + odd);
            assertThat(text(ApiJson.bytes(ApiResponse.errorBody(error))))
                    .isEqualTo(text(DATABIND.writeValueAsBytes(errorMap)));
        }
        assertThat(text(listed(List.of()))).isEqualTo("[]");
        assertThat(text(ApiJson.bytes(KeysApi.health()))).isEqualTo(text(DATABIND.writeValueAsBytes(Map.of("status", "ok"))));
    }

    @Test
    void everyBodyGivesTheErrorOrTheParametersDatabindGave() {
        List<String> bodies = new ArrayList<>(List.of(
                "{}", "{\"name\":\"a\"}", "{\"name\":null}", "{\"name\":1}", "{\"name\":-1}", "{\"name\":1.5}",
                "{\"name\":true}", "{\"name\":[\"a\"]}", "{\"name\":{\"a\":1}}", "{\"name\":\"\\u00e9\\n\"}",
                "{\"user_id\":5}", "{\"user_id\":0}", "{\"user_id\":-5}", "{\"user_id\":\"5\"}", "{\"user_id\":\"-5\"}",
                "{\"user_id\":\"\"}", "{\"user_id\":5.0}", "{\"user_id\":1e2}", "{\"user_id\":9223372036854775807}",
                "{\"user_id\":9223372036854775808}", "{\"user_id\":-9223372036854775809}", "{\"user_id\":1" + "0".repeat(1200) + "}",
                "{\"user_id\":1e999999999}", "{\"user_id\":-0}", "{\"user_id\":null}", "{\"user_id\":false}",
                "{\"other\":1e999999999}", "{\"other\":[1e999999999]}", "{\"other\":1" + "0".repeat(1200) + "}",
                "{\"other\":[1" + "0".repeat(1200) + "]}", "{\"other\":\"\\x\"}", "{\"other\":[\"\\x\"]}", "{\"other\":{\"a\":\"\\uZZZZ\"}}",
                "{\"name\":\"a\",\"name\":\"b\"}", "{\"other\":{\"a\":1,\"a\":2}}", "{\"other\":[{\"a\":1,\"a\":2}]}",
                "{\"name\":\"a\"} {\"name\":\"b\"}", "{\"name\":\"a\"} x", "{\"name\":\"a\"}]", "{\"name\":\"a\"}  \n",
                "[]", "[1", "[1] [2]", "\"name\"", "1", "-1", "null", "true", "1.5 x", "{", "{\"name\"", "{\"name\":",
                "{\"name\":\"a\",}", "{name:\"a\"}", "{'name':'a'}", "{\"name\":\"a\" /* c */}", "{\"name\":NaN}",
                "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "[".repeat(600) + "]".repeat(600),
                "{\"name\":\"tab\tin string\"}", "\f{}", "{}\f", "{\"expires_at\":\"2026-12-05\"}", "{\"expires_at\":20261205}"));
        List<byte[]> raw = new ArrayList<>();
        for (String body : bodies) {
            raw.add(body.getBytes(StandardCharsets.UTF_8));
        }
        raw.add(new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'});   // broken UTF-8
        raw.add(new byte[]{'{', '"', 'o', '"', ':', '[', '"', (byte) 0xFF, '"', ']', '}'});
        raw.add(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});   // a byte-order mark
        raw.add(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        raw.add("{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_16BE));
        raw.add("{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_16LE));
        for (byte[] body : raw) {
            assertThat(outcome(() -> Params.ofJson(body))).as(new String(body, StandardCharsets.UTF_8))
                    .isEqualTo(outcome(() -> Before.ofJson(body)));
        }
    }

    /** What a body leads to: the error, or what each parameter the API reads gives. */
    private static String outcome(java.util.function.Supplier<Object> read) {
        Object params;
        try {
            params = read.get();
        } catch (ApiError e) {
            return e.status + " " + e.type + " " + e.getMessage();
        }
        StringBuilder b = new StringBuilder();
        for (String name : List.of("name", "user_id", "other", "expires_at", "absent")) {
            b.append(name).append(": has ").append(params instanceof Params p ? p.has(name) : ((Before) params).has(name));
            b.append(", text ").append(attempt(() -> params instanceof Params p ? p.text(name) : ((Before) params).text(name)));
            b.append(", number ").append(attempt(() -> params instanceof Params p ? p.number(name) : ((Before) params).number(name)));
            b.append("; ");
        }
        return b.toString();
    }

    private static String attempt(java.util.function.Supplier<Object> read) {
        try {
            return String.valueOf(read.get());
        } catch (ApiError e) {
            return e.status + " " + e.type + " " + e.getMessage();
        }
    }

    /** Params' JSON reading as it was with databind (a tree, then each field as its node). */
    private record Before(Map<String, JsonNode> values) {
        static Before ofJson(byte[] body) {
            boolean blank = true;
            for (byte c : body) {
                blank &= c == ' ' || c == '\n' || c == '\r' || c == '\t';
            }
            if (body.length == 0 || blank) {
                return new Before(Map.of());
            }
            JsonNode root;
            try {
                root = DATABIND.readTree(body);
            } catch (JacksonException e) {
                throw ApiError.invalidBody("The body is not valid JSON.");
            }
            if (root == null || !root.isObject()) {
                throw ApiError.invalidBody("The body must be one JSON object of parameters.");
            }
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                out.put(field.getKey(), field.getValue());
            }
            return new Before(out);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String text(String name) {
            JsonNode node = values.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                throw ApiError.invalidParams("The parameter " + name + " must be text.");
            }
            return node.stringValue();
        }

        Optional<Long> number(String name) {
            JsonNode node = values.get(name);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
                return Optional.of(node.longValue());
            }
            if (!node.isString() || !node.stringValue().matches("[0-9]{1,18}")) {
                throw ApiError.invalidParams("The parameter " + name + " must be a whole number.");
            }
            return Optional.of(Long.parseLong(node.stringValue()));
        }
    }

    /** KeyJson's map as it was. */
    private static Map<String, Object> map(ApiKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("descriptive_label", key.descriptiveLabel());
        out.put("description", key.description() == null ? "" : key.description());
        out.put("created_at", instant(key.createdAt()));
        out.put("expires_at", instant(key.expiresAt()));
        out.put("last_use_at", instant(key.lastUseAt()));
        out.put("name", key.name());
        out.put("permission_set", key.permissionSet().wireName());
        out.put("platform", "");
        out.put("url", "");
        out.put("user_id", key.userId());
        out.put("path", "");
        return out;
    }

    private static String instant(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    @Test
    void timesAreWrittenAsInstantWritesThemToTheSecond() {
        List<Instant> times = new ArrayList<>(List.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.ofEpochSecond(-1),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX,
                Instant.parse("2024-02-29T12:34:56.789Z"), Instant.parse("2100-03-01T00:00:00Z")));
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        for (int i = 0; i < 20_000; i++) {
            times.add(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L - 86_400, 253_402_300_800L + 86_400),
                    random.nextInt(1_000_000_000)));
        }
        for (Instant t : times) {
            assertThat(KeyJson.time(t)).as(t.toString()).isEqualTo(instant(t));
        }
    }

    private static byte[] listed(List<ApiKey> keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = ApiJson.generator(out)) {
            json.writeStartArray();
            new KeyJson.Listed(keys).writeEach(json);
            json.writeEndArray();
        }
        return out.toByteArray();
    }

    private static byte[] databindList(List<Map<String, Object>> maps) {
        ObjectWriter writer = DATABIND.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = writer.createGenerator(out)) {
            json.writeStartArray();
            for (Map<String, Object> map : maps) {
                writer.writeValue(json, map);
            }
            json.writeEndArray();
        }
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
