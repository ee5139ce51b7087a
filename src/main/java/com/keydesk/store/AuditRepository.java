package com.keydesk.store;

import com.keydesk.domain.AuditEntry;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static com.keydesk.store.Times.fromDb;
import static com.keydesk.store.Times.toDb;
import static com.keydesk.store.generated.Tables.AUDIT_ENTRY;
import static com.keydesk.store.generated.Tables.AUDIT_HEAD;

/** Raw access to the audit tables; the chaining rules live in the service's AuditLog. */
public final class AuditRepository {
    private static final int HEAD_ID = 1;
    /** The PostgreSQL channel a team store's changes are announced on; the payload is the new head's seq. */
    public static final String CHANGES_CHANNEL = "keydesk_changes";
    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Head(long lastSeq, String lastHash) {
    }

    static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String INSERT = "INSERT INTO audit_entry (seq, at, actor, action, target, outcome, detail,"
            + " row_digest, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";
    /**
     * A team store's append, one statement: the entry, the head moved, the NOTIFY (which PostgreSQL
     * delivers only when the change commits). The head must have been locked ({@link #lockHead}, or
     * with a new key in {@link KeyRepository#insertCheckAndLockAuditHead}).
     */
    private static final String APPEND_AND_NOTIFY = "WITH entry AS (" + INSERT + "), head AS (" + MOVE_HEAD
            + " RETURNING id) SELECT (SELECT COUNT(*) FROM head), pg_notify(?, ?)";

    /** Reads the head and locks it until the transaction ends: appends are serialized here. */
    public Optional<Head> lockHead() {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement query = connection.prepareStatement(LOCK_HEAD); ResultSet r = query.executeQuery()) {
                return r.next() ? Optional.of(new Head(r.getLong(1), r.getString(2))) : Optional.empty();
            }
        });
    }

    /**
     * Appends one entry and moves the locked head to it ({@link #insert} then {@link #writeHead}),
     * in plain JDBC with fixed SQL texts: every change appends one. On a team store it is one
     * statement, one round trip instead of three.
     */
    public void append(AuditEntry e) {
        boolean team = dsl.dialect() == org.jooq.SQLDialect.POSTGRES;
        int moved = dsl.connectionResult(connection -> {
            if (team) {
                try (PreparedStatement append = connection.prepareStatement(APPEND_AND_NOTIFY)) {
                    int next = setEntry(append, e);
                    append.setLong(next, e.seq());
                    append.setString(next + 1, e.entryHash());
                    append.setString(next + 2, CHANGES_CHANNEL);
                    append.setString(next + 3, Long.toString(e.seq()));
                    try (ResultSet r = append.executeQuery()) {
                        return r.next() ? r.getInt(1) : 0;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                setEntry(insert, e);
                insert.executeUpdate();
            }
            try (PreparedStatement head = connection.prepareStatement(MOVE_HEAD)) {
                head.setLong(1, e.seq());
                head.setString(2, e.entryHash());
                return head.executeUpdate();
            }
        });
        if (moved != 1) {
            throw new IllegalStateException("The audit log has no head record to move");
        }
    }

    /** The entry's columns, in INSERT's order; the index of the next parameter. */
    private static int setEntry(PreparedStatement insert, AuditEntry e) throws SQLException {
        insert.setLong(1, e.seq());
        insert.setObject(2, toDb(e.at()));
        insert.setString(3, e.actor());
        insert.setString(4, e.action());
        insert.setString(5, e.target());
        insert.setString(6, e.outcome());
        insert.setString(7, e.detail());
        insert.setString(8, e.rowDigest());
        insert.setString(9, e.prevHash());
        insert.setString(10, e.entryHash());
        return 11;
    }

    public Optional<Head> head() {
        return dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(HEAD_ID))
                .fetchOptional(r -> new Head(r.getLastSeq(), r.getLastHash()));
    }

    public void insert(AuditEntry e) {
        dsl.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, e.seq())
                .set(AUDIT_ENTRY.AT, toDb(e.at()))
                .set(AUDIT_ENTRY.ACTOR, e.actor())
                .set(AUDIT_ENTRY.ACTION, e.action())
                .set(AUDIT_ENTRY.TARGET, e.target())
                .set(AUDIT_ENTRY.OUTCOME, e.outcome())
                .set(AUDIT_ENTRY.DETAIL, e.detail())
                .set(AUDIT_ENTRY.ROW_DIGEST, e.rowDigest())
                .set(AUDIT_ENTRY.PREV_HASH, e.prevHash())
                .set(AUDIT_ENTRY.ENTRY_HASH, e.entryHash())
                .execute();
    }

    /**
     * Moves the head. On a team store this also tells every listening app (LISTEN keydesk_changes)
     * the new head's sequence number; PostgreSQL delivers it only when the change commits.
     */
    public void writeHead(Head head) {
        if (dsl.dialect() == org.jooq.SQLDialect.POSTGRES) {
            dsl.execute("SELECT pg_notify(?, ?)", CHANGES_CHANNEL, Long.toString(head.lastSeq()));
        }
        int updated = dsl.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.LAST_SEQ, head.lastSeq())
                .set(AUDIT_HEAD.LAST_HASH, head.lastHash())
                .where(AUDIT_HEAD.ID.eq(HEAD_ID)).execute();
        if (updated == 0) {
            dsl.insertInto(AUDIT_HEAD).set(AUDIT_HEAD.ID, HEAD_ID)
                    .set(AUDIT_HEAD.LAST_SEQ, head.lastSeq()).set(AUDIT_HEAD.LAST_HASH, head.lastHash()).execute();
        }
    }

    /** The row digest of the newest entry about {@code target} that records one: the chain's last word on that row. */
    public Optional<String> latestRowDigest(String target) {
        return dsl.select(AUDIT_ENTRY.ROW_DIGEST).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.TARGET.eq(target)).and(AUDIT_ENTRY.ROW_DIGEST.isNotNull())
                .orderBy(AUDIT_ENTRY.TARGET.desc(), AUDIT_ENTRY.SEQ.desc()).limit(1)
                .fetchOptional(AUDIT_ENTRY.ROW_DIGEST);
    }

    /** True when some entry has this action on this target (a few entries target "store"; the index finds them). */
    public boolean has(String target, String action) {
        return dsl.fetchExists(dsl.selectOne().from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.TARGET.eq(target)).and(AUDIT_ENTRY.ACTION.eq(action)));
    }

    /** The entry with this sequence number, if the log holds it. */
    public Optional<AuditEntry> find(long seq) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(seq)).fetchOptional(AuditRepository::toEntry);
    }

    /** Many entries at once (demo data, binding an older store's rows): multi-row inserts. */
    public void insertAll(List<AuditEntry> entries) {
        for (int from = 0; from < entries.size(); from += 1_000) {
            var insert = dsl.insertInto(AUDIT_ENTRY, AUDIT_ENTRY.SEQ, AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR,
                    AUDIT_ENTRY.ACTION, AUDIT_ENTRY.TARGET, AUDIT_ENTRY.OUTCOME, AUDIT_ENTRY.DETAIL,
                    AUDIT_ENTRY.ROW_DIGEST, AUDIT_ENTRY.PREV_HASH, AUDIT_ENTRY.ENTRY_HASH);
            for (AuditEntry e : entries.subList(from, Math.min(entries.size(), from + 1_000))) {
                insert = insert.values(e.seq(), toDb(e.at()), e.actor(), e.action(), e.target(), e.outcome(),
                        e.detail(), e.rowDigest(), e.prevHash(), e.entryHash());
            }
            insert.execute();
        }
    }

    /** Every entry in order of sequence number, read lazily: the log of a large store does not fit in memory twice. */
    public void forEach(java.util.function.Consumer<AuditEntry> each) {
        dsl.connection(connection -> {
            // H2 would otherwise copy the whole result into the heap first: a million-key site has a million entries
            try (LazyReading lazily = LazyReading.on(connection);
                 var cursor = dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1_000).fetchLazy()) {
                for (var r : cursor) {
                    each.accept(toEntry(r));
                }
            }
        });
    }

    /** All entries in stored order of sequence number. */
    public List<AuditEntry> all() {
        return dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetch(AuditRepository::toEntry);
    }

    /** The newest {@code limit} entries, oldest first. */
    public List<AuditEntry> newest(int limit) {
        List<AuditEntry> newest = new java.util.ArrayList<>(dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ.desc())
                .limit(limit).fetch(AuditRepository::toEntry));
        java.util.Collections.reverse(newest);
        return newest;
    }

    /** How many entries the log holds. */
    public long count() {
        return dsl.fetchCount(AUDIT_ENTRY);
    }

    /** What one entry was about, without its text or hashes: enough to know which rows changed. */
    public record Touched(long seq, String action, String target, String outcome) {
    }

    /** The entries after {@code afterSeq}, oldest first, at most {@code limit}: what others changed since. */
    public List<Touched> touchedAfter(long afterSeq, int limit) {
        return dsl.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.ACTION, AUDIT_ENTRY.TARGET, AUDIT_ENTRY.OUTCOME).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.SEQ.gt(afterSeq)).orderBy(AUDIT_ENTRY.SEQ).limit(limit)
                .fetch(r -> new Touched(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static AuditEntry toEntry(com.keydesk.store.generated.tables.records.AuditEntryRecord r) {
        return new AuditEntry(r.getSeq(), fromDb(r.getAt()), r.getActor(), r.getAction(), r.getTarget(),
                r.getOutcome(), r.getDetail(), r.getRowDigest(), r.getPrevHash(), r.getEntryHash());
    }
}
