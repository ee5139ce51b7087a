package com.keydesk.store;

import com.keydesk.domain.KeySearch;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * api_key's name_sort and name_fold (migration V7): a name's natural sort key and folded form
 * ({@link KeySearch}) as UTF-16BE bytes, whose unsigned byte order is Java's character order on
 * both engines whatever a PostgreSQL database's collation. Written with every name; rows that
 * have none (made before V7, or restored from a backup) get them when the store opens.
 */
public final class KeyNameColumns {
    private static final int BATCH = 5_000;

    private KeyNameColumns() {
    }

    static byte[] sort(String name) {
        return KeySearch.sortKey(name).getBytes(StandardCharsets.UTF_16BE);
    }

    static byte[] fold(String name) {
        return KeySearch.fold(name).getBytes(StandardCharsets.UTF_16BE);
    }

    /** The bytes of a {@link KeySearch#normalize}d query: the lower end of its range of name_fold. */
    static byte[] prefix(String normalizedQuery) {
        return normalizedQuery.getBytes(StandardCharsets.UTF_16BE);
    }

    /**
     * The least byte string above every one that starts with {@code prefix} (null: none is, as for
     * a prefix of 0xFF bytes only): the upper end, exclusive, of a prefix's range of an index.
     */
    static byte[] afterEveryExtensionOf(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] upper = java.util.Arrays.copyOf(prefix, i + 1);
                upper[i]++;
                return upper;
            }
        }
        return null;
    }

    /**
     * Fills both columns of every key that lacks them, a batch per transaction. A store where none
     * does answers one indexed look-up, so this runs at every open: a back-fill cut short by a
     * crash is finished by the next one.
     */
    static void fillMissing(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(false);
            while (true) {
                List<Object[]> batch = new ArrayList<>();
                try (PreparedStatement missing = connection.prepareStatement(
                        "SELECT id, name FROM api_key WHERE name_sort IS NULL ORDER BY id LIMIT " + BATCH);
                     ResultSet rows = missing.executeQuery()) {
                    while (rows.next()) {
                        batch.add(new Object[] {rows.getLong(1), rows.getString(2)});
                    }
                }
                if (batch.isEmpty()) {
                    connection.commit();
                    return;
                }
                try (PreparedStatement fill = connection.prepareStatement(
                        "UPDATE api_key SET name_sort = ?, name_fold = ? WHERE id = ?")) {
                    for (Object[] row : batch) {
                        fill.setBytes(1, sort((String) row[1]));
                        fill.setBytes(2, fold((String) row[1]));
                        fill.setLong(3, (Long) row[0]);
                        fill.addBatch();
                    }
                    fill.executeBatch();
                }
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** {@link #fillMissing} on a connection of its own from {@code pool}. */
    static void fillMissing(javax.sql.DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            fillMissing(connection);
        }
    }
}
