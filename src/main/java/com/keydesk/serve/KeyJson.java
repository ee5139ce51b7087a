package com.keydesk.serve;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.Secret;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A key as Files.com's ApiKey object: ids as numbers, whole-second UTC times, {@code key} only once. */
final class KeyJson {
    private KeyJson() {
    }

    static Map<String, Object> of(ApiKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("descriptive_label", key.descriptiveLabel());
        out.put("description", key.description() == null ? "" : key.description());
        out.put("created_at", time(key.createdAt()));
        out.put("expires_at", time(key.expiresAt()));
        out.put("last_use_at", time(key.lastUseAt()));
        out.put("name", key.name());
        out.put("permission_set", key.permissionSet().wireName());
        out.put("platform", "");
        out.put("url", "");
        out.put("user_id", key.userId());
        out.put("path", "");
        return out;
    }

    /**
     * A list answer, written to the client key by key as each is mapped ({@link ApiHandler}): a page
     * of 10,000 keys never exists as 10,000 maps or as one 2.6 MB array, which a server's small heap
     * would otherwise promote and keep resident.
     */
    record Listed(List<ApiKey> keys) {
    }

    /** The answer to create: the one place the secret is written, right after it was durably stored. */
    static Map<String, Object> issued(ApiKey key, Secret secret) {
        Map<String, Object> out = of(key);
        out.put("key", secret.reveal());
        return out;
    }

    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
