package com.keydesk.store;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.PermissionSet;
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
    static final String SQL = "SELECT k.id, k.lookup_id, k.secret_hash, k.name, k.description, k.user_id,"
            + " k.permission_set, k.previous_permission_set, k.disabled_by_admin, k.descriptive_label, k.created_at,"
            + " k.created_by, k.expires_at, k.last_use_at,"
            + " o.id, o.username, o.username_key, o.display_name, o.is_admin, o.active, o.password_hash, o.created_at,"
            + " c.username,"
            + " (SELECT a.row_digest FROM audit_entry a WHERE a.target = CONCAT('api_key:', k.id)"
            + "   AND a.row_digest IS NOT NULL ORDER BY a.target DESC, a.seq DESC LIMIT 1),"
            + " (SELECT a.row_digest FROM audit_entry a WHERE a.target = CONCAT('user:', k.user_id)"
            + "   AND a.row_digest IS NOT NULL ORDER BY a.target DESC, a.seq DESC LIMIT 1)"
            + " FROM api_key k LEFT JOIN app_user o ON o.id = k.user_id LEFT JOIN app_user c ON c.id = k.created_by"
            + " WHERE k.lookup_id = ?";

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

    /** The columns in RowStates' order for each table, read as the types jOOQ gives them, so the states agree. */
    private static KeyCheck read(ResultSet r) throws SQLException {
        Object[] keyRow = {
                r.getObject(1, Long.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getObject(6, Long.class), r.getString(7), r.getString(8), r.getObject(9, Boolean.class),
                r.getString(10), r.getObject(11, LocalDateTime.class), r.getObject(12, Long.class),
                r.getObject(13, LocalDateTime.class)};
        Long ownerId = r.getObject(15, Long.class);
        Object[] ownerRow = ownerId == null ? null : new Object[]{
                ownerId, r.getString(16), r.getString(17), r.getString(18), r.getObject(19, Boolean.class),
                r.getObject(20, Boolean.class), r.getString(21), r.getObject(22, LocalDateTime.class)};
        Long userId = (Long) keyRow[5];
        String previous = (String) keyRow[7];
        ApiKey key = new ApiKey(
                (Long) keyRow[0],
                (String) keyRow[3],
                (String) keyRow[4],
                userId,
                ownerRow == null ? null : (String) ownerRow[1],
                userId != null && ownerRow != null && Boolean.TRUE.equals(ownerRow[4]),
                userId == null || ownerRow != null && Boolean.TRUE.equals(ownerRow[5]),
                PermissionSet.parse((String) keyRow[6]),
                previous == null ? null : PermissionSet.parse(previous),
                (Boolean) keyRow[8],
                (String) keyRow[9],
                Times.fromDb((LocalDateTime) keyRow[10]),
                r.getString(23),
                Times.fromDb((LocalDateTime) keyRow[12]),
                Times.fromDb(r.getObject(14, LocalDateTime.class)));
        return new KeyCheck(key, (String) keyRow[2], RowStates.canonical(keyRow),
                ownerRow == null ? null : RowStates.canonical(ownerRow), r.getString(24),
                userId == null ? null : r.getString(25));
    }

    @Override
    public String toString() {
        return "KeyCheck[key=" + key.id() + ", hashes and states hidden]";
    }
}
