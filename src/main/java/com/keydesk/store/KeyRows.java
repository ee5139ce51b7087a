package com.keydesk.store;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.PermissionSet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The one way a stored key row becomes an {@link ApiKey}. Every query that builds one (the
 * repository's reads, the streamed list and its pages, the verification read) selects
 * {@link #COLUMNS} first, in this order, and hands the row here with the owner and creator it
 * found (joined in the same statement, or remembered from an earlier read). Plain JDBC, read by
 * position: per row, jOOQ's record and mapping cost more than everything else of a 100,000-key
 * listing put together. The hash and the lookup id are not among the columns: an ApiKey has neither.
 */
final class KeyRows {
    static final int ID = 1;
    static final int NAME = 2;
    static final int DESCRIPTION = 3;
    static final int USER_ID = 4;
    static final int PERMISSION_SET = 5;
    static final int PREVIOUS_PERMISSION_SET = 6;
    static final int DISABLED_BY_ADMIN = 7;
    static final int DESCRIPTIVE_LABEL = 8;
    static final int CREATED_AT = 9;
    static final int CREATED_BY = 10;
    static final int EXPIRES_AT = 11;
    static final int LAST_USE_AT = 12;
    /** How many columns a key takes: a query's own columns start after them. */
    static final int COUNT = 12;

    private static final String[] NAMES = {"id", "name", "description", "user_id", "permission_set",
            "previous_permission_set", "disabled_by_admin", "descriptive_label", "created_at", "created_by",
            "expires_at", "last_use_at"};

    /** The keys of api_key alone (owner and creator looked up apart): a query adds its WHERE. */
    static final String SELECT = "SELECT " + columns("") + " FROM api_key";

    /**
     * The key with its owner and creator joined, in one statement (one round trip to a team store):
     * a query adds its WHERE. Its own columns, if any, go in {@code more} (", k.secret_hash").
     */
    static String joined(String more) {
        return joinedFrom("api_key k", more);
    }

    /** As {@link #joined}, from other rows of api_key's columns aliased k (a CTE's). */
    static String joinedFrom(String from, String more) {
        return "SELECT " + columns("k.") + ", o.username, o.is_admin, o.active, c.username" + more
                + " FROM " + from + " LEFT JOIN app_user o ON o.id = k.user_id LEFT JOIN app_user c ON c.id = k.created_by";
    }

    private KeyRows() {
    }

    /** What a key shows of its owner or its creator. */
    record Person(String username, boolean admin, boolean active) {
    }

    static Long ownerId(ResultSet r) throws SQLException {
        return nullableLong(r, USER_ID);
    }

    static Long creatorId(ResultSet r) throws SQLException {
        return nullableLong(r, CREATED_BY);
    }

    /**
     * The key on the current row. {@code owner} null: a site key, or an owner row that is gone
     * (the key then shows no owner and does not work); {@code creator} null: nobody known.
     */
    static ApiKey key(ResultSet r, Person owner, String creator) throws SQLException {
        Long userId = ownerId(r);
        String previous = r.getString(PREVIOUS_PERMISSION_SET);
        return new ApiKey(
                r.getLong(ID),
                r.getString(NAME),
                r.getString(DESCRIPTION),
                userId,
                owner == null ? null : owner.username(),
                userId != null && owner != null && owner.admin(),
                userId == null || owner != null && owner.active(),
                PermissionSet.parse(r.getString(PERMISSION_SET)),
                previous == null ? null : PermissionSet.parse(previous),
                r.getBoolean(DISABLED_BY_ADMIN),
                r.getString(DESCRIPTIVE_LABEL),
                Times.fromDb(r.getObject(CREATED_AT, LocalDateTime.class)),
                creator,
                Times.fromDb(r.getObject(EXPIRES_AT, LocalDateTime.class)),
                Times.fromDb(r.getObject(LAST_USE_AT, LocalDateTime.class)));
    }

    /** The key on the current row of a {@link #joined} query. */
    static ApiKey joinedKey(ResultSet r) throws SQLException {
        String ownerName = r.getString(COUNT + 1);
        Person owner = ownerName == null ? null : new Person(ownerName, r.getBoolean(COUNT + 2), r.getBoolean(COUNT + 3));
        return key(r, owner, r.getString(COUNT + 4));
    }

    private static String columns(String prefix) {
        StringBuilder out = new StringBuilder();
        for (String name : NAMES) {
            out.append(out.isEmpty() ? "" : ", ").append(prefix).append(name);
        }
        return out.toString();
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }
}
