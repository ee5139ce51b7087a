package com.keydesk.format;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts parse KeyDesk's JSON; writing strings and instants faster must not change one byte of it.
 * Each case is compared with the writer as it was ({@link JsonBefore}).
 */
class JsonTest {
    private static final long YEAR_0000 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void instantsAreWrittenAsInstantToStringWas() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.ofEpochSecond(YEAR_0000), Instant.ofEpochSecond(YEAR_0000 - 1, 999_999_999),
                Instant.ofEpochSecond(YEAR_10000 - 1, 999_999_999), Instant.ofEpochSecond(YEAR_10000),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2000-02-29T12:00:00.100Z"),
                Instant.parse("2026-06-01T10:00:00.000001Z"), Instant.parse("0999-01-01T00:00:00.000000001Z")));
        SplittableRandom random = new SplittableRandom(6);
        int[] fractionSteps = {1_000_000_000, 1_000_000, 1_000, 1, 100_000_000};
        for (int i = 0; i < 200_000; i++) {
            int step = fractionSteps[i % fractionSteps.length];
            instants.add(Instant.ofEpochSecond(random.nextLong(YEAR_0000 - 86_400, YEAR_10000 + 86_400),
                    step == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / step) * step));
        }

        for (Instant instant : instants) {
            assertThat(Json.write(instant)).as("%s", instant).isEqualTo(JsonBefore.write(instant));
        }
    }

    @Test
    void stringsAreEscapedAsBefore() {
        String alphabet = "aZ09 ~/\"\\\b\f\n\r\t\u0000\u0001\u001f\u007f\u0085\u00e9\u2026\u2028\u2029\u202e\ud83d\ude00\ud800";
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Json.write(text.toString())).isEqualTo(JsonBefore.write(text.toString()));
        }
    }

    @Test
    void nestedValuesAreWrittenAsBefore() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("at", Instant.parse("2026-06-01T10:00:00.123456Z"));
        inner.put("none", null);
        inner.put("count", 3L);
        inner.put("ok", true);
        inner.put("empty", Map.of());
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("name \"quoted\"", "line\nbreak");
        outer.put("list", List.of(inner, List.of(), "x"));

        assertThat(Json.write(List.of(outer, outer))).isEqualTo(JsonBefore.write(List.of(outer, outer)));
    }
}
