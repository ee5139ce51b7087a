package com.keydesk.store;

import com.keydesk.domain.AuditEntry;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The rows a logical backup carries, read from and written to the four tables that hold a site's
 * state (sign_in_throttle is transient and never backed up). Every column is carried as stored,
 * ids included, so that audit entries naming {@code user:7} or {@code key:42} still mean the same
 * row. Plain JDBC over the caller's transaction, read lazily: 100,000 keys are handed over one at
 * a time, never held together.
 */
public final class BackupTables {
    private static final String SITE = "SELECT name, users_can_create_api_keys, created_at, default_permission_set,"
            + " max_key_lifetime_days FROM site ORDER BY id";
    private static final String USERS = "SELECT id, username, username_key, display_name, is_admin, active,"
            + " password_hash, created_at, must_change_password FROM app_user ORDER BY id";
    private static final String KEYS = "SELECT id, lookup_id, secret_hash, name, description, user_id, permission_set,"
            + " previous_permission_set, disabled_by_admin, descriptive_label, created_at, created_by, expires_at,"
            + " last_use_at FROM api_key ORDER BY id";
    private static final String AUDIT = "SELECT seq, at, actor, action, target, outcome, detail, row_digest, prev_hash,"
            + " entry_hash FROM audit_entry ORDER BY seq";

    private BackupTables() {
    }

    /** The schema version this program's migrations make (the newest bundled script). */
    public static int schemaVersion() {
        return Integer.parseInt(SchemaHistory.BUNDLED.getLast().version());
    }

    /** @param maxKeyLifetimeDays null for no maximum */
    public record SiteRow(String name, boolean usersCanCreateApiKeys, Instant createdAt, String defaultPermissionSet,
                          Integer maxKeyLifetimeDays) {
    }

    public record UserRow(long id, String username, String usernameKey, String displayName, boolean admin,
                          boolean active, String passwordHash, Instant createdAt, boolean mustChangePassword) {
        @Override
        public String toString() {
            return "UserRow[id=" + id + ", username=" + username + "]";
        }
    }

    public record KeyRow(long id, String lookupId, String secretHash, String name, String description, Long userId,
                         String permissionSet, String previousPermissionSet, boolean disabledByAdmin,
                         String descriptiveLabel, Instant createdAt, Long createdBy, Instant expiresAt,
                         Instant lastUseAt) {
        @Override
        public String toString() {
            return "KeyRow[id=" + id + ", lookupId=" + lookupId + "]";
        }
    }

    /** Where rows go, table by table, in the order a backup holds them. */
    public interface Rows {
        void site(SiteRow row);

        void user(UserRow row);

        void key(KeyRow row);

        void audit(AuditEntry row);
    }

    /** The hash of audit entry 1: a site's identity, the same in every backup and restore of it. */
    public static String siteIdentity(DSLContext tx) {
        return tx.fetchOptional("SELECT entry_hash FROM audit_entry WHERE seq = 1").map(r -> r.get(0, String.class))
                .orElse(null);
    }

    /** Hands every row to {@code rows}: the site, users by id, keys by id, audit entries by sequence. */
    public static void readAll(DSLContext tx, Rows rows) {
        tx.connection(c -> {
            try (LazyReading lazily = LazyReading.on(c)) {
                each(c, SITE, r -> rows.site(new SiteRow(r.getString(1), r.getBoolean(2), time(r, 3), r.getString(4),
                        nullableInt(r, 5))));
                each(c, USERS, r -> rows.user(new UserRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getBoolean(5), r.getBoolean(6), r.getString(7), time(r, 8), r.getBoolean(9))));
                each(c, KEYS, r -> rows.key(new KeyRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), nullableLong(r, 6), r.getString(7), r.getString(8), r.getBoolean(9),
                        r.getString(10), time(r, 11), nullableLong(r, 12), time(r, 13), time(r, 14))));
                each(c, AUDIT, r -> rows.audit(new AuditEntry(r.getLong(1), time(r, 2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                        r.getString(10))));
            }
        });
    }

    public static void insertSite(DSLContext tx, SiteRow row) {
        tx.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO site (id, name, users_can_create_api_keys, created_at, default_permission_set,"
                            + " max_key_lifetime_days) VALUES (1, ?, ?, ?, ?, ?)")) {
                ps.setString(1, row.name());
                ps.setBoolean(2, row.usersCanCreateApiKeys());
                ps.setObject(3, db(row.createdAt()));
                ps.setString(4, row.defaultPermissionSet());
                if (row.maxKeyLifetimeDays() == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, row.maxKeyLifetimeDays());
                }
                ps.executeUpdate();
            }
        });
    }

    public static void insertUsers(DSLContext tx, List<UserRow> rows) {
        tx.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (id, username, username_key,"
                    + " display_name, is_admin, active, password_hash, created_at, must_change_password)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (UserRow u : rows) {
                    ps.setLong(1, u.id());
                    ps.setString(2, u.username());
                    ps.setString(3, u.usernameKey());
                    ps.setString(4, u.displayName());
                    ps.setBoolean(5, u.admin());
                    ps.setBoolean(6, u.active());
                    ps.setString(7, u.passwordHash());
                    ps.setObject(8, db(u.createdAt()));
                    ps.setBoolean(9, u.mustChangePassword());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public static void insertKeys(DSLContext tx, List<KeyRow> rows) {
        tx.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_key (id, lookup_id, secret_hash, name,"
                    + " description, user_id, permission_set, previous_permission_set, disabled_by_admin,"
                    + " descriptive_label, created_at, created_by, expires_at, last_use_at, name_sort, name_fold)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (KeyRow k : rows) {
                    ps.setLong(1, k.id());
                    ps.setString(2, k.lookupId());
                    ps.setString(3, k.secretHash());
                    ps.setString(4, k.name());
                    ps.setString(5, k.description());
                    setLong(ps, 6, k.userId());
                    ps.setString(7, k.permissionSet());
                    ps.setString(8, k.previousPermissionSet());
                    ps.setBoolean(9, k.disabledByAdmin());
                    ps.setString(10, k.descriptiveLabel());
                    ps.setObject(11, db(k.createdAt()));
                    setLong(ps, 12, k.createdBy());
                    ps.setObject(13, db(k.expiresAt()));
                    ps.setObject(14, db(k.lastUseAt()));
                    ps.setBytes(15, KeyNameColumns.sort(k.name()));
                    ps.setBytes(16, KeyNameColumns.fold(k.name()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public static void insertAudit(DSLContext tx, List<AuditEntry> rows) {
        tx.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (seq, at, actor, action, target,"
                    + " outcome, detail, row_digest, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry e : rows) {
                    ps.setLong(1, e.seq());
                    ps.setObject(2, db(e.at()));
                    ps.setString(3, e.actor());
                    ps.setString(4, e.action());
                    ps.setString(5, e.target());
                    ps.setString(6, e.outcome());
                    ps.setString(7, e.detail());
                    ps.setString(8, e.rowDigest());
                    ps.setString(9, e.prevHash());
                    ps.setString(10, e.entryHash());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * Ends a restore: the audit head at the last entry, and the id sequences past the highest
     * restored id, so the next user or key made in the restored store gets a fresh id.
     */
    public static void finish(DSLContext tx, AuditRepository.Head head) {
        new AuditRepository(tx).writeHead(head);
        tx.connection(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"app_user", "api_key"}) {
                    long next;
                    try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                        r.next();
                        next = r.getLong(1);
                    }
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
            }
        });
    }

    private interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    private static void each(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1_000);   // PostgreSQL otherwise reads a whole table into memory first
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    row.accept(r);
                }
            }
        }
    }

    private static Instant time(ResultSet r, int column) throws SQLException {
        return Times.fromDb(r.getObject(column, LocalDateTime.class));
    }

    private static LocalDateTime db(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int column, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(column, Types.BIGINT);
        } else {
            ps.setLong(column, value);
        }
    }
}
