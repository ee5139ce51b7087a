package com.keydesk.ui.keys;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyType;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of a key table: the key, its status at the time it was loaded, and the lower-cased
 * text search looks in (made once, so a keystroke over 100,000 rows is one contains() per row).
 */
public record KeyRow(ApiKey key, DisplayStatus status, String searchText) {

    public static KeyRow of(ApiKey key, Instant now) {
        String text = String.join("\n", nonNull(key.name()), nonNull(key.description()), nonNull(key.descriptiveLabel()),
                nonNull(key.ownerUsername())).toLowerCase(Locale.ROOT);
        return new KeyRow(key, DisplayStatus.of(key, now), text);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
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
        return searchText.contains(query.strip().toLowerCase(Locale.ROOT));
    }
}
