package com.keydesk.cli;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.Secret;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a key looks on the command line: Files.com's field names, never a secret unless just issued. */
final class KeyView {
    /** The fields of a key on the command line, in the order JSON and CSV show them. */
    enum Field {
        ID, NAME, DESCRIPTION, DESCRIPTIVE_LABEL, TYPE, USER_ID, USERNAME, PERMISSION_SET, STATUS, CREATED_AT,
        CREATED_BY, EXPIRES_AT, LAST_USE_AT;

        private final String wireName = name().toLowerCase(Locale.ROOT);

        String wireName() {
            return wireName;
        }

        /** This field of the key; the status is judged at the command's own "now". */
        Object read(ApiKey key, Instant now) {
            return switch (this) {
                case ID -> key.id();
                case NAME -> key.name();
                case DESCRIPTION -> key.description();
                case DESCRIPTIVE_LABEL -> key.descriptiveLabel();
                case TYPE -> key.type().name().toLowerCase(Locale.ROOT);
                case USER_ID -> key.userId();
                case USERNAME -> key.ownerUsername();
                case PERMISSION_SET -> key.permissionSet().wireName();
                case STATUS -> key.status(now).wireName();
                case CREATED_AT -> key.createdAt();
                case CREATED_BY -> key.createdBy();
                case EXPIRES_AT -> key.expiresAt();
                case LAST_USE_AT -> key.lastUseAt();
            };
        }
    }

    static final List<Field> FIELDS = List.of(Field.values());

    static final List<String> EXPORT_COLUMNS = FIELDS.stream().map(Field::wireName).toList();

    private KeyView() {
    }

    static Map<String, Object> fields(ApiKey key, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            out.put(field.wireName(), field.read(key, now));
        }
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
