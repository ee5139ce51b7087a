package com.keydesk.ui.keys;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyType;

import java.time.Instant;
import java.util.Locale;

/** One line of a key table: the key and its status at the time it was loaded. */
public record KeyRow(ApiKey key, DisplayStatus status) {

    public static KeyRow of(ApiKey key, Instant now) {
        return new KeyRow(key, DisplayStatus.of(key, now));
    }

    public long id() {
        return key.id();
    }

    public String name() {
        return key.name();
    }

    public String owner() {
        return key.ownerUsername() == null ? "" : key.ownerUsername();
    }

    public String permission() {
        return key.permissionSet().wireName();
    }

    public boolean isSiteKey() {
        return key.type() == KeyType.SITE;
    }

    /** Search: name, description, label and owner, ignoring case. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return contains(key.name(), q) || contains(key.description(), q)
                || contains(key.descriptiveLabel(), q) || contains(key.ownerUsername(), q);
    }

    private static boolean contains(String field, String q) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(q);
    }
}
