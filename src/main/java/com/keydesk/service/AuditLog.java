package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.store.AuditRepository;
import com.keydesk.store.AuditRepository.Head;
import com.keydesk.store.Database;
import com.keydesk.store.Times;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.List;

/**
 * The append-only, hash-chained audit log. Entries are written in the same transaction as the
 * change they describe; the head row is locked for the append, so appends are serialized.
 */
public final class AuditLog {
    private final Database db;
    private final Clock clock;

    AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts the chain: called once, when a store is initialised. */
    void start(DSLContext tx) {
        new AuditRepository(tx).writeHead(new Head(0, AuditChain.GENESIS));
    }

    void append(DSLContext tx, String actor, String action, String target, String outcome, String detail) {
        append(tx, actor, action, target, outcome, detail, null);
    }

    /** Appends an entry that also records the digest of the row the change left behind (see AuditEntry). */
    void append(DSLContext tx, String actor, String action, String target, String outcome, String detail,
                String rowDigest) {
        AuditRepository repo = new AuditRepository(tx);
        Head head = repo.lockHead().orElseThrow(() -> new IllegalStateException("The audit log has no head record"));
        AuditEntry unsigned = new AuditEntry(head.lastSeq() + 1, Times.storable(clock.instant()), actor, action,
                target, outcome, detail, rowDigest, head.lastHash(), null);
        String hash = AuditChain.hashOf(unsigned);
        AuditEntry entry = new AuditEntry(unsigned.seq(), unsigned.at(), actor, action, target, outcome, detail,
                rowDigest, head.lastHash(), hash);
        repo.insert(entry);
        repo.writeHead(new Head(entry.seq(), hash));
    }

    /** Records something that did not happen (a denied attempt, a failed sign-in) in its own transaction. */
    void appendAlone(String actor, String action, String target, String outcome, String detail) {
        db.inTransaction(cfg -> {
            append(cfg.dsl(), actor, action, target, outcome, detail);
            return null;
        });
    }

    List<AuditEntry> entries(DSLContext tx) {
        return new AuditRepository(tx).all();
    }

    /** Walks the whole chain and names the first entry that does not fit. */
    AuditVerification verify(DSLContext tx) {
        AuditRepository repo = new AuditRepository(tx);
        List<AuditEntry> entries = repo.all();
        Head head = repo.head().orElse(null);
        if (head == null) {
            return broken(0, 1, "The audit log's head record is missing.");
        }
        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return broken(expectedSeq - 1, expectedSeq, "Audit entry " + expectedSeq + " is missing or out of order.");
            }
            if (!e.prevHash().equals(previous)) {
                return broken(expectedSeq - 1, e.seq(), "Audit entry " + e.seq()
                        + " does not follow the entry before it: an entry was removed, inserted or reordered.");
            }
            if (!AuditChain.hashOf(e).equals(e.entryHash())) {
                return broken(expectedSeq - 1, e.seq(), "Audit entry " + e.seq() + " was changed after it was written.");
            }
            previous = e.entryHash();
            expectedSeq++;
        }
        long last = expectedSeq - 1;
        if (head.lastSeq() != last || !head.lastHash().equals(previous)) {
            long firstMissing = Math.min(last, head.lastSeq()) + 1;
            return broken(last, firstMissing, "The audit log ends at entry " + last + " but its head record says "
                    + head.lastSeq() + ": entries were cut off the end.");
        }
        return new AuditVerification(true, last, -1, "The audit log is intact: " + last + " entries, chain verified.");
    }

    private static AuditVerification broken(long checked, long seq, String message) {
        return new AuditVerification(false, checked, seq, message);
    }
}
