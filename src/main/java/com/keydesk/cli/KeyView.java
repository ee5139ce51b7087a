package com.keydesk.cli;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.Secret;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a key looks on the command line: Files.com's field names, never a secret unless just issued. */
final class KeyView {
    static final List<String> EXPORT_COLUMNS = List.of("id", "name", "description", "descriptive_label", "type",
            "user_id", "username", "permission_set", "status", "created_at", "created_by", "expires_at", "last_use_at");

    private KeyView() {
    }

    static Map<String, Object> fields(ApiKey key, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("name", key.name());
        out.put("description", key.description());
        out.put("descriptive_label", key.descriptiveLabel());
        out.put("type", key.type().name().toLowerCase(java.util.Locale.ROOT));
        out.put("user_id", key.userId());
        out.put("username", key.ownerUsername());
        out.put("permission_set", key.permissionSet().wireName());
        out.put("status", key.status(now).wireName());
        out.put("created_at", key.createdAt());
        out.put("created_by", key.createdBy());
        out.put("expires_at", key.expiresAt());
        out.put("last_use_at", key.lastUseAt());
        return out;
    }

    /** The one place a secret is written out: right after create or replace, as Files.com's {@code key}. */
    static Map<String, Object> issued(ApiKey key, Secret secret, Instant now) {
        Map<String, Object> out = fields(key, now);
        out.put("key", secret.reveal());
        return out;
    }

    static String tableHeader() {
        return String.format("%-6s %-28s %-10s %-18s %-9s %-24s %s", "ID", "NAME", "OWNER", "PERMISSION", "STATUS",
                "KEY", "EXPIRES");
    }

    static String tableRow(ApiKey key, Instant now) {
        KeyStatus status = key.status(now);
        return String.format("%-6d %-28s %-10s %-18s %-9s %-24s %s", key.id(), clip(key.name(), 28),
                key.ownerUsername() == null ? "(site)" : clip(key.ownerUsername(), 10),
                key.permissionSet().wireName(), status.wireName(), key.descriptiveLabel(),
                key.expiresAt() == null ? "never" : key.expiresAt().toString());
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
