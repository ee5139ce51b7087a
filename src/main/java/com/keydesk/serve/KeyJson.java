package com.keydesk.serve;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.Secret;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
