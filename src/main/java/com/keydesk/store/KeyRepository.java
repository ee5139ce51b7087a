package com.keydesk.store;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.generated.tables.AppUser;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.keydesk.store.Times.toDb;
import static com.keydesk.store.Times.fromDb;
import static com.keydesk.store.generated.Tables.API_KEY;
import static com.keydesk.store.generated.Tables.APP_USER;

/** API keys in the store. Speaks domain types; jOOQ records never leave this package. */
public final class KeyRepository {
    private static final AppUser OWNER = APP_USER.as("owner");
    private static final AppUser CREATOR = APP_USER.as("creator");

    private static final String BY_ID = KeyRows.joined("") + " WHERE k.id = ?";
    private static final String BY_LOOKUP_ID = KeyRows.joined(", k.secret_hash") + " WHERE k.lookup_id = ?";
    /** In BY_LOOKUP_ID: after the key, its owner's three columns and its creator's name. */
    private static final int SECRET_HASH = KeyRows.COUNT + 5;

    private final DSLContext dsl;

    public KeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A key's stored fields as written at creation. */
    public record NewRow(String lookupId, String secretHash, String name, String description, Long userId,
                         PermissionSet permissionSet, String label, Instant createdAt, Long createdBy,
                         Instant expiresAt) {
        @Override
        public String toString() {
            return "NewRow[lookupId=" + lookupId + ", name=" + name + ", hash hidden]";
        }
    }

    public long insert(NewRow row) {
        return dsl.insertInto(API_KEY)
                .set(API_KEY.LOOKUP_ID, row.lookupId())
                .set(API_KEY.SECRET_HASH, row.secretHash())
                .set(API_KEY.NAME, row.name())
                .set(API_KEY.NAME_SORT, KeyNameColumns.sort(row.name()))
                .set(API_KEY.NAME_FOLD, KeyNameColumns.fold(row.name()))
                .set(API_KEY.DESCRIPTION, row.description())
                .set(API_KEY.USER_ID, row.userId())
                .set(API_KEY.PERMISSION_SET, row.permissionSet().wireName())
                .set(API_KEY.DESCRIPTIVE_LABEL, row.label())
                .set(API_KEY.CREATED_AT, toDb(row.createdAt()))
                .set(API_KEY.CREATED_BY, row.createdBy())
                .set(API_KEY.EXPIRES_AT, toDb(row.expiresAt()))
                .returning(API_KEY.ID)
                .fetchOne(API_KEY.ID);
    }

    private static final String INSERT = "INSERT INTO api_key (lookup_id, secret_hash, name, name_sort, name_fold,"
            + " description, user_id, permission_set, descriptive_label, created_at, created_by, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * A team store's: the insert, the read back and the audit head locked, in one statement, one
     * round trip instead of three. The head is locked as {@link AuditRepository#lockHead} locks it
     * (FOR UPDATE, until the transaction ends), one statement earlier than a separate lock would.
     */
    private static final String INSERT_READ_AND_LOCK_HEAD = "WITH new_key AS (" + INSERT + " RETURNING *),"
            + " locked_head AS (" + AuditRepository.LOCK_HEAD + ") "
            + KeyCheck.selectFrom("new_key k CROSS JOIN locked_head h", ", h.last_seq, h.last_hash");

    /** The new key as stored ({@link KeyCheck}) and the audit head, locked for the entry that records it. */
    public record Inserted(KeyCheck key, AuditRepository.Head lockedHead) {
    }

    /**
     * Inserts a key as {@link #insert} does, reads it back as stored with its canonical state (what
     * its audit entry binds), as {@link KeyCheck} reads a key, and locks the audit head for that
     * entry: a create's statements before its audit entry, in plain JDBC with fixed SQL texts. On a
     * team store one statement; on a local store (H2 has no INSERT in WITH) the insert, the read by
     * id and the lock.
     */
    public Inserted insertCheckAndLockAuditHead(NewRow row) {
        if (dsl.dialect().family() != org.jooq.SQLDialect.POSTGRES) {
            KeyCheck check = dsl.connectionResult(connection -> KeyCheck.byId(connection, insertReturningId(connection, row)))
                    .orElseThrow(() -> new IllegalStateException("The new key cannot be read back"));
            return new Inserted(check, new AuditRepository(dsl).lockHead()
                    .orElseThrow(() -> new IllegalStateException("The audit log has no head record")));
        }
        return dsl.connectionResult(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_READ_AND_LOCK_HEAD)) {
                set(insert, row);
                try (ResultSet r = insert.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("The audit log has no head record");
                    }
                    return new Inserted(KeyCheck.read(r),
                            new AuditRepository.Head(r.getLong(KeyCheck.COUNT + 1), r.getString(KeyCheck.COUNT + 2)));
                }
            }
        });
    }

    private static long insertReturningId(java.sql.Connection connection, NewRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[]{"ID"})) {
            set(insert, row);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("The store gave no id for the new key");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void set(PreparedStatement insert, NewRow row) throws SQLException {
        insert.setString(1, row.lookupId());
        insert.setString(2, row.secretHash());
        insert.setString(3, row.name());
        insert.setBytes(4, KeyNameColumns.sort(row.name()));
        insert.setBytes(5, KeyNameColumns.fold(row.name()));
        insert.setString(6, row.description());
        insert.setObject(7, row.userId(), java.sql.Types.BIGINT);
        insert.setString(8, row.permissionSet().wireName());
        insert.setString(9, row.label());
        setTime(insert, 10, row.createdAt());
        insert.setObject(11, row.createdBy(), java.sql.Types.BIGINT);
        setTime(insert, 12, row.expiresAt());
    }

    static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, java.sql.Types.TIMESTAMP);
        } else {
            statement.setObject(index, toDb(time));
        }
    }

    /** Many keys at once (demo data): one multi-row insert per call. */
    public void insertAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(API_KEY, API_KEY.LOOKUP_ID, API_KEY.SECRET_HASH, API_KEY.NAME, API_KEY.DESCRIPTION,
                API_KEY.USER_ID, API_KEY.PERMISSION_SET, API_KEY.DESCRIPTIVE_LABEL, API_KEY.CREATED_AT,
                API_KEY.CREATED_BY, API_KEY.EXPIRES_AT, API_KEY.NAME_SORT, API_KEY.NAME_FOLD);
        for (NewRow row : rows) {
            insert = insert.values(row.lookupId(), row.secretHash(), row.name(), row.description(), row.userId(),
                    row.permissionSet().wireName(), row.label(), toDb(row.createdAt()), row.createdBy(),
                    toDb(row.expiresAt()), KeyNameColumns.sort(row.name()), KeyNameColumns.fold(row.name()));
        }
        insert.execute();
    }

    public int countWithHashNotStartingWith(String prefix) {
        return dsl.fetchCount(API_KEY, API_KEY.SECRET_HASH.startsWith(prefix).not());
    }

    /** A key with the hash to check it against: what verification needs, in one indexed, joined read. */
    public record Stored(ApiKey key, String secretHash) {
        @Override
        public String toString() {
            return "Stored[key=" + key.id() + ", hash hidden]";
        }
    }

    public Optional<Stored> storedByLookupId(String lookupId) {
        return one(BY_LOOKUP_ID, query -> query.setString(1, lookupId),
                r -> new Stored(KeyRows.joinedKey(r), r.getString(SECRET_HASH)));
    }

    public Optional<ApiKey> findById(long id) {
        return one(BY_ID, query -> query.setLong(1, id), KeyRows::joinedKey);
    }

    /** Every key, or only those of one owner; newest first: {@link KeyStream}'s keys, kept. */
    public List<ApiKey> list(Long ownerId) {
        List<ApiKey> keys = new ArrayList<>();
        KeyStream.forEach(dsl, ownerId, keys::add);
        return keys;
    }

    /**
     * The table projection of the keys of one owner (or all), of one type (or both), newest first,
     * at most {@code limit}: only the columns a key table shows or searches (never the hash), mapped
     * by {@code toRow} as rows stream from the cursor so a large store is held once. Usernames
     * repeat on thousands of rows: each is kept once.
     */
    public <R> List<R> summaries(Long ownerId, KeyType type, int limit, Function<KeySummary, R> toRow) {
        return summaries(newestFirst(ownerId), ownerCondition(ownerId).and(typeCondition(type)), limit, toRow);
    }

    /**
     * The summaries of these keys and of every key these users own (a user's change, such as a
     * deactivation, changes how their keys show): what a key table re-reads after others' changes.
     */
    public <R> List<R> summariesOf(java.util.Collection<Long> keyIds, java.util.Collection<Long> ownerIds,
                                   Function<KeySummary, R> toRow) {
        if (keyIds.isEmpty() && ownerIds.isEmpty()) {
            return List.of();
        }
        return summaries(API_KEY, API_KEY.ID.in(keyIds).or(API_KEY.USER_ID.in(ownerIds)), Integer.MAX_VALUE, toRow);
    }

    private <R> List<R> summaries(Table<?> from, Condition where, int limit, Function<KeySummary, R> toRow) {
        Map<String, String> shared = new HashMap<>();
        return dsl.select(API_KEY.ID, API_KEY.NAME, API_KEY.DESCRIPTION, OWNER.USERNAME, API_KEY.PERMISSION_SET,
                        API_KEY.DISABLED_BY_ADMIN, API_KEY.DESCRIPTIVE_LABEL, API_KEY.CREATED_AT, CREATOR.USERNAME,
                        API_KEY.EXPIRES_AT, API_KEY.LAST_USE_AT, OWNER.ACTIVE, API_KEY.PREVIOUS_PERMISSION_SET)
                .from(from)
                .leftJoin(OWNER).on(OWNER.ID.eq(API_KEY.USER_ID))
                .leftJoin(CREATOR).on(CREATOR.ID.eq(API_KEY.CREATED_BY))
                .where(where).orderBy(API_KEY.ID.desc()).limit(limit)
                .collect(Collectors.mapping(r -> toRow.apply(new KeySummary(r.value1(), r.value2(), r.value3(),
                        once(shared, r.value4()), r.value4() == null || Boolean.TRUE.equals(r.value12()),
                        PermissionSet.parse(r.value5()), r.value13() == null ? null : PermissionSet.parse(r.value13()),
                        r.value6(), r.value7(),
                        fromDb(r.value8()), once(shared, r.value9()), fromDb(r.value10()), fromDb(r.value11()))),
                        Collectors.toList()));
    }

    /**
     * The key table read in the order it is shown, newest first. For one owner's keys the owner
     * index finds the few rows at once. For all keys of a type, H2 would pick the owner index for
     * "user_id IS NULL" too, then read and sort every site key to return the newest 200 (8,500 page
     * reads at 100,000 keys); walking the primary key backwards stops after the first 200 that
     * match (about 300 reads), and the whole list needs no sort at all. The hint is H2's (and
     * MySQL's) syntax: PostgreSQL has none, and its planner walks the primary key by itself.
     */
    private Table<?> newestFirst(Long ownerId) {
        return ownerId == null && dsl.dialect().family() == org.jooq.SQLDialect.H2 ? API_KEY.useIndex() : API_KEY;
    }

    private static String once(Map<String, String> shared, String text) {
        return text == null ? null : shared.computeIfAbsent(text, t -> t);
    }

    /** How many keys expire before the given instant (expired or expiring soon). */
    public int countExpiringBefore(Long ownerId, Instant until) {
        return dsl.fetchCount(API_KEY, ownerCondition(ownerId).and(API_KEY.EXPIRES_AT.lt(toDb(until))));
    }

    private static Condition ownerCondition(Long ownerId) {
        return ownerId == null ? DSL.noCondition() : API_KEY.USER_ID.eq(ownerId);
    }

    private static Condition typeCondition(KeyType type) {
        if (type == null) {
            return DSL.noCondition();
        }
        return type == KeyType.SITE ? API_KEY.USER_ID.isNull() : API_KEY.USER_ID.isNotNull();
    }

    public void setPermission(long id, PermissionSet current, PermissionSet previous, boolean disabledByAdmin) {
        dsl.update(API_KEY)
                .set(API_KEY.PERMISSION_SET, current.wireName())
                .set(API_KEY.PREVIOUS_PERMISSION_SET, previous == null ? null : previous.wireName())
                .set(API_KEY.DISABLED_BY_ADMIN, disabledByAdmin)
                .where(API_KEY.ID.eq(id))
                .execute();
    }

    /** Keeps the remembered permission set of a replaced key so that enable still restores it. */
    public void copyDisableState(long fromId, long toId) {
        var from = dsl.selectFrom(API_KEY).where(API_KEY.ID.eq(fromId)).fetchSingle();
        dsl.update(API_KEY)
                .set(API_KEY.PREVIOUS_PERMISSION_SET, from.getPreviousPermissionSet())
                .set(API_KEY.DISABLED_BY_ADMIN, from.getDisabledByAdmin())
                .where(API_KEY.ID.eq(toId))
                .execute();
    }

    public void update(long id, String name, String description, Instant expiresAt) {
        dsl.update(API_KEY)
                .set(API_KEY.NAME, name)
                .set(API_KEY.NAME_SORT, KeyNameColumns.sort(name))
                .set(API_KEY.NAME_FOLD, KeyNameColumns.fold(name))
                .set(API_KEY.DESCRIPTION, description)
                .set(API_KEY.EXPIRES_AT, toDb(expiresAt))
                .where(API_KEY.ID.eq(id))
                .execute();
    }

    public void delete(long id) {
        dsl.deleteFrom(API_KEY).where(API_KEY.ID.eq(id)).execute();
    }

    /**
     * Records a use, at most once per {@code throttle} window: verification must not turn into a write storm.
     * Returns whether it was recorded now. A fixed SQL text in plain JDBC, as {@link KeyCheck}'s read: every
     * key the HTTP API sees for the first time in a process records its use here, and jOOQ's rendering of
     * this one statement cost more than H2's update itself (its commit aside; JFR of keydesk serve).
     */
    public boolean recordUse(long id, Instant now, Instant notAfter) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement update = connection.prepareStatement(RECORD_USE)) {
                setTime(update, 1, now);
                update.setLong(2, id);
                setTime(update, 3, notAfter);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static final String RECORD_USE =
            "UPDATE api_key SET last_use_at = ? WHERE id = ? AND (last_use_at IS NULL OR last_use_at <= ?)";

    /** Reads what the first row gives, if there is one. */
    private <T> Optional<T> one(String sql, Parameters parameters, Row<T> row) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                parameters.set(query);
                try (ResultSet r = query.executeQuery()) {
                    return r.next() ? Optional.of(row.read(r)) : Optional.empty();
                }
            }
        });
    }

    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }
}
