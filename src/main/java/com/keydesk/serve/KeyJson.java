package com.keydesk.serve;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.Secret;
import tools.jackson.core.JsonGenerator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A key as Files.com's ApiKey object: ids as numbers, whole-second UTC times, {@code key} only once.
 * Written field by field to Jackson's streaming generator, in Files.com's order.
 */
final class KeyJson {
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
    record Listed(List<ApiKey> keys) {
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

    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
