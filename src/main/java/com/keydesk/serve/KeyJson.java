package com.keydesk.serve;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.Secret;
import tools.jackson.core.JsonGenerator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A key as Files.com's ApiKey object: ids as numbers, whole-second UTC times, {@code key} only once.
 * Written field by field to Jackson's streaming generator, in Files.com's order.
 */
final class KeyJson {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private KeyJson() {
    }

    static JsonBody of(ApiKey key) {
        return json -> fields(json, key, null);
    }

    /**
     * A list answer, written to the client key by key as each is mapped ({@link ApiHandler}): a page
     * of 10,000 keys never exists as 10,000 objects of text or as one 2.6 MB array, which a server's
     * small heap would otherwise promote and keep resident.
     */
    record Listed(List<ApiKey> keys) implements ApiBody {
        void writeEach(JsonGenerator json) {
            for (ApiKey key : keys) {
                fields(json, key, null);
            }
        }
    }

    /** The answer to create: the one place the secret is written, right after it was durably stored. */
    static JsonBody issued(ApiKey key, Secret secret) {
        return json -> fields(json, key, secret);
    }

    private static void fields(JsonGenerator json, ApiKey key, Secret secret) {
        json.writeStartObject();
        json.writeNumberProperty("id", key.id());
        json.writeStringProperty("descriptive_label", key.descriptiveLabel());
        json.writeStringProperty("description", key.description() == null ? "" : key.description());
        json.writeStringProperty("created_at", time(key.createdAt()));
        json.writeStringProperty("expires_at", time(key.expiresAt()));
        json.writeStringProperty("last_use_at", time(key.lastUseAt()));
        json.writeStringProperty("name", key.name());
        json.writeStringProperty("permission_set", key.permissionSet().wireName());
        json.writeStringProperty("platform", "");
        json.writeStringProperty("url", "");
        json.writeName("user_id");
        if (key.userId() == null) {
            json.writeNull();
        } else {
            json.writeNumber(key.userId());
        }
        json.writeStringProperty("path", "");
        if (secret != null) {
            json.writeStringProperty("key", secret.reveal());
        }
        json.writeEndObject();
    }

    /**
     * {@code t.truncatedTo(SECONDS).toString()}, written out directly for the years 0000–9999: three
     * times a key in every answer, and Instant's formatter was a third of the answer's JSON (JFR).
     */
    static String time(Instant t) {
        if (t == null) {
            return null;
        }
        long seconds = t.getEpochSecond();
        if (seconds < YEAR_0000 || seconds >= YEAR_10000) {
            return t.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int inDay = (int) Math.floorMod(seconds, 86_400);
        char[] text = new char[20];
        digits(text, 0, day.getYear(), 4);
        text[4] = '-';
        digits(text, 5, day.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, day.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, inDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, inDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, inDay % 60, 2);
        text[19] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
