package com.keydesk.store;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.PermissionSet;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * Every key (or one owner's), newest first, handed over one at a time as the store reads them:
 * the same keys as {@link KeyRepository#list(Long)}, for front ends that write each one out and
 * keep none (the command line's list and export of 100,000 keys). Plain JDBC over the caller's
 * transaction: per row, jOOQ's record and mapping cost more than everything else put together.
 * The query names only what an {@link ApiKey} shows; the hash and lookup id are never read.
 */
public final class KeyStream {
    private static final String SELECT = "SELECT k.id, k.name, k.description, k.user_id, o.username, o.is_admin,"
            + " o.active, k.permission_set, k.previous_permission_set, k.disabled_by_admin, k.descriptive_label,"
            + " k.created_at, c.username, k.expires_at, k.last_use_at"
            + " FROM api_key k"
            + " LEFT JOIN app_user o ON o.id = k.user_id"
            + " LEFT JOIN app_user c ON c.id = k.created_by";
    private static final String ALL = SELECT + " ORDER BY k.id DESC";
    private static final String OF_OWNER = SELECT + " WHERE k.user_id = ? ORDER BY k.id DESC";

    private KeyStream() {
    }

    /** Hands each key of the owner (null: every key) to {@code each}, newest first, inside {@code tx}. */
    public static void forEach(DSLContext tx, Long ownerId, Consumer<? super ApiKey> each) {
        tx.connection(connection -> {
            lazy(connection, true);
            try (PreparedStatement query = connection.prepareStatement(ownerId == null ? ALL : OF_OWNER)) {
                if (ownerId != null) {
                    query.setLong(1, ownerId);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        each.accept(key(rows));
                    }
                }
            } finally {
                lazy(connection, false);
            }
        });
    }

    /**
     * Lazy, H2 reads each row as it is asked for. Otherwise it first copies the whole result into
     * the heap: 100,000 keys held ~85 MB live, and under a 320 MB heap the collector then paused
     * 24 times for 0.41 s in all, against 12 times for 0.11 s lazily. The setting belongs to the
     * pooled connection, so it is switched off again for whoever uses that connection next.
     */
    private static void lazy(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + on);
        }
    }

    /** The same mapping as KeyRepository's, column by column (KeyStreamTest holds them equal). */
    private static ApiKey key(ResultSet r) throws SQLException {
        long rawUserId = r.getLong(4);
        Long userId = r.wasNull() ? null : rawUserId;
        String previous = r.getString(9);
        return new ApiKey(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                userId,
                r.getString(5),
                userId != null && r.getBoolean(6),
                userId == null || r.getBoolean(7),
                PermissionSet.parse(r.getString(8)),
                previous == null ? null : PermissionSet.parse(previous),
                r.getBoolean(10),
                r.getString(11),
                Times.fromDb(r.getObject(12, LocalDateTime.class)),
                r.getString(13),
                Times.fromDb(r.getObject(14, LocalDateTime.class)),
                Times.fromDb(r.getObject(15, LocalDateTime.class)));
    }
}
