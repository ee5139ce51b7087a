package com.keydesk.store;

import com.keydesk.domain.ApiKey;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Everything the verification of a presented key reads, in one statement: the key with its owner
 * and creator, its hash, the canonical state of the key row and of its owner's row (as
 * {@link RowStates} gives them) and the newest digest the audit chain holds for each. Verification
 * is the hot path of the HTTP API (every request), so it is one indexed read, in plain JDBC over
 * the caller's transaction with a fixed SQL text: per call, jOOQ's rendering and five separate
 * statements cost several times the reads themselves (and on a team store each is a round trip).
 *
 * @param ownerState null for a site key (or an owner row that is gone)
 * @param keyBound   the newest row digest the chain records for the key; null for none
 * @param ownerBound the same for its owner; null for none or a site key
 */
public record KeyCheck(ApiKey key, String secretHash, String keyState, String ownerState, String keyBound,
                       String ownerBound) {
    /** The key with owner and creator as {@link KeyRows} joins them; then its lookup id and hash, the rest of the owner's row, the digests. */
    private static final String COLUMNS = ", k.lookup_id, k.secret_hash,"
            + " o.id, o.username_key, o.display_name, o.password_hash, o.created_at, "
            + BoundDigest.of("CONCAT('api_key:', k.id)") + ", " + BoundDigest.of("CONCAT('user:', k.user_id)");
    static final String SQL = KeyRows.joined(COLUMNS) + " WHERE k.lookup_id = ?";
    static final String BY_ID = KeyRows.joined(COLUMNS) + " WHERE k.id = ?";
    private static final int OWNER_NAME = KeyRows.COUNT + 1;
    private static final int OWNER_ADMIN = KeyRows.COUNT + 2;
    private static final int OWNER_ACTIVE = KeyRows.COUNT + 3;
    private static final int LOOKUP_ID = KeyRows.COUNT + 5;
    private static final int SECRET_HASH = KeyRows.COUNT + 6;
    private static final int OWNER_ID = KeyRows.COUNT + 7;
    private static final int OWNER_USERNAME_KEY = KeyRows.COUNT + 8;
    private static final int OWNER_DISPLAY_NAME = KeyRows.COUNT + 9;
    private static final int OWNER_PASSWORD_HASH = KeyRows.COUNT + 10;
    private static final int OWNER_CREATED_AT = KeyRows.COUNT + 11;
    private static final int KEY_BOUND = KeyRows.COUNT + 12;
    private static final int OWNER_BOUND = KeyRows.COUNT + 13;

    public static Optional<KeyCheck> byLookupId(DSLContext tx, String lookupId) {
        return tx.connectionResult(connection -> {
            try (PreparedStatement query = connection.prepareStatement(SQL)) {
                query.setString(1, lookupId);
                try (ResultSet r = query.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    /** The same, by the key's id: what a create reads back of the row it just inserted. */
    public static Optional<KeyCheck> byId(DSLContext tx, long id) {
        return tx.connectionResult(connection -> byId(connection, id));
    }

    static Optional<KeyCheck> byId(java.sql.Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_ID)) {
            query.setLong(1, id);
            try (ResultSet r = query.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /**
     * The row a data-changing statement returns, as {@link #SQL} reads a stored one: a team store's
     * create inserts and reads its key back in one statement ({@code WITH k AS (INSERT … RETURNING *)}).
     * {@code from} names the rows, aliased k (PostgreSQL only); {@code more} adds columns after {@link #COUNT}.
     */
    static String selectFrom(String from, String more) {
        return KeyRows.joinedFrom(from, COLUMNS + more);
    }

    /** How many columns {@link #read} reads: a statement's own columns start after them. */
    static final int COUNT = KeyRows.COUNT + 13;

    /**
     * The key as {@link KeyRows} reads it (the owner and creator joined), and the key and owner rows in
     * RowStates' order for each table, read as the types jOOQ gives them, so the states agree.
     */
    static KeyCheck read(ResultSet r) throws SQLException {
        ApiKey key = KeyRows.joinedKey(r);
        Object[] keyRow = {
                r.getObject(KeyRows.ID, Long.class), r.getString(LOOKUP_ID), r.getString(SECRET_HASH),
                r.getString(KeyRows.NAME), r.getString(KeyRows.DESCRIPTION), r.getObject(KeyRows.USER_ID, Long.class),
                r.getString(KeyRows.PERMISSION_SET), r.getString(KeyRows.PREVIOUS_PERMISSION_SET),
                r.getObject(KeyRows.DISABLED_BY_ADMIN, Boolean.class), r.getString(KeyRows.DESCRIPTIVE_LABEL),
                r.getObject(KeyRows.CREATED_AT, LocalDateTime.class), r.getObject(KeyRows.CREATED_BY, Long.class),
                r.getObject(KeyRows.EXPIRES_AT, LocalDateTime.class)};
        Long ownerId = r.getObject(OWNER_ID, Long.class);
        Object[] ownerRow = ownerId == null ? null : new Object[]{
                ownerId, r.getString(OWNER_NAME), r.getString(OWNER_USERNAME_KEY), r.getString(OWNER_DISPLAY_NAME),
                r.getObject(OWNER_ADMIN, Boolean.class), r.getObject(OWNER_ACTIVE, Boolean.class),
                r.getString(OWNER_PASSWORD_HASH), r.getObject(OWNER_CREATED_AT, LocalDateTime.class)};
        return new KeyCheck(key, r.getString(SECRET_HASH), RowStates.canonical(keyRow),
                ownerRow == null ? null : RowStates.canonical(ownerRow), r.getString(KEY_BOUND),
                key.userId() == null ? null : r.getString(OWNER_BOUND));
    }

    @Override
    public String toString() {
        return "KeyCheck[key=" + key.id() + ", hashes and states hidden]";
    }
}
