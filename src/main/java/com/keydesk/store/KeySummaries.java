package com.keydesk.store;

import com.keydesk.domain.KeySummary;
import com.keydesk.domain.PermissionSet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The one way a key table's row is read: {@link #SELECT} (the key with its owner and creator
 * joined, aliased k, o and c) and {@link #read}, by position. Usernames repeat on thousands of
 * rows: each reader keeps each name once.
 */
final class KeySummaries {
    static final String COLUMNS = "SELECT k.id, k.name, k.description, o.username, k.permission_set,"
            + " k.disabled_by_admin, k.descriptive_label, k.created_at, c.username, k.expires_at, k.last_use_at, o.active,"
            + " k.previous_permission_set";
    /** The owner and creator joined to api_key k. */
    static final String PEOPLE = " LEFT JOIN app_user o ON o.id = k.user_id LEFT JOIN app_user c ON c.id = k.created_by";
    static final String SELECT = COLUMNS + " FROM api_key k" + PEOPLE;

    private final Map<String, String> shared = new HashMap<>();

    KeySummary read(ResultSet r) throws SQLException {
        String owner = once(r.getString(4));
        return new KeySummary(r.getLong(1), r.getString(2), r.getString(3), owner,
                owner == null || r.getBoolean(12), PermissionSet.parse(r.getString(5)), permission(r.getString(13)),
                r.getBoolean(6),
                r.getString(7), time(r, 8), once(r.getString(9)), time(r, 10), time(r, 11));
    }

    private static PermissionSet permission(String wireName) {
        return wireName == null ? null : PermissionSet.parse(wireName);
    }

    private static java.time.Instant time(ResultSet r, int column) throws SQLException {
        return Times.fromDb(r.getObject(column, LocalDateTime.class));
    }

    private String once(String text) {
        return text == null ? null : shared.computeIfAbsent(text, t -> t);
    }
}
