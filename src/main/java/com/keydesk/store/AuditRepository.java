package com.keydesk.store;

import com.keydesk.domain.AuditEntry;
import org.jooq.DSLContext;

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

    /** Reads the head and locks it until the transaction ends: appends are serialized here. */
    public Optional<Head> lockHead() {
        return dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(HEAD_ID)).forUpdate()
                .fetchOptional(r -> new Head(r.getLastSeq(), r.getLastHash()));
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
        try (var cursor = dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1_000).fetchLazy()) {
            for (var r : cursor) {
                each.accept(toEntry(r));
            }
        }
    }

    /** All entries in stored order of sequence number. */
    public List<AuditEntry> all() {
        return dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetch(AuditRepository::toEntry);
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
