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

    public void writeHead(Head head) {
        int updated = dsl.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.LAST_SEQ, head.lastSeq())
                .set(AUDIT_HEAD.LAST_HASH, head.lastHash())
                .where(AUDIT_HEAD.ID.eq(HEAD_ID)).execute();
        if (updated == 0) {
            dsl.insertInto(AUDIT_HEAD).set(AUDIT_HEAD.ID, HEAD_ID)
                    .set(AUDIT_HEAD.LAST_SEQ, head.lastSeq()).set(AUDIT_HEAD.LAST_HASH, head.lastHash()).execute();
        }
    }

    /** All entries in stored order of sequence number. */
    public List<AuditEntry> all() {
        return dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ)
                .fetch(r -> new AuditEntry(r.getSeq(), fromDb(r.getAt()), r.getActor(), r.getAction(), r.getTarget(),
                        r.getOutcome(), r.getDetail(), r.getRowDigest(), r.getPrevHash(), r.getEntryHash()));
    }
}
