package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.store.AuditRepository;
import com.keydesk.store.AuditRepository.Head;
import com.keydesk.store.Database;
import com.keydesk.store.Times;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * Bound while a request made through the HTTP API runs ({@link Guard}): each entry written
     * meanwhile says in its detail which API key made the request and from which address, without
     * every service passing it along.
     */
    static final ScopedValue<ApiOrigin> ORIGIN = ScopedValue.newInstance();
    /** The detail column's size. */
    private static final int DETAIL_MAX = 2000;

    /** The store's time now, as the log records it. */
    Instant now() {
        return Times.storable(clock.instant());
    }

    /** One entry still to be chained: what {@link #appendAll} takes. */
    record Pending(String actor, String action, String target, String outcome, String detail, String rowDigest) {
    }

    /** Starts the chain: called once, when a store is initialised. */
    void start(DSLContext tx) {
        new AuditRepository(tx).writeHead(new Head(0, AuditChain.GENESIS));
    }

    void append(DSLContext tx, String actor, String action, String target, String outcome, String detail) {
        append(tx, actor, action, target, outcome, detail, null);
    }

    /** Appends an entry that also records the digest of the row the change left behind (see {@link RowBinding}). */
    void append(DSLContext tx, String actor, String action, String target, String outcome, String detail,
                String rowDigest) {
        appendAll(tx, List.of(new Pending(actor, action, target, outcome, detail, rowDigest)));
    }

    /** Appends entries in order under one lock of the head, written in batches: demo data adds 100,000 at once. */
    void appendAll(DSLContext tx, List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        Head head = new AuditRepository(tx).lockHead()
                .orElseThrow(() -> new IllegalStateException("The audit log has no head record"));
        appendAll(tx, head, pending);
    }

    /**
     * As {@link #append(DSLContext, String, String, String, String, String, String)}, after the head
     * was locked, in this transaction, by the statement that made the change ({@code locked}: the
     * head as that statement read it): a team store's create inserts its key and locks the head in
     * one round trip.
     */
    void appendAfterLocking(DSLContext tx, Head locked, String actor, String action, String target, String outcome,
                            String detail, String rowDigest) {
        appendAll(tx, locked, List.of(new Pending(actor, action, target, outcome, detail, rowDigest)));
    }

    private void appendAll(DSLContext tx, Head head, List<Pending> pending) {
        AuditRepository repo = new AuditRepository(tx);
        Instant at = Times.storable(clock.instant());
        long seq = head.lastSeq();
        String previous = head.lastHash();
        List<AuditEntry> entries = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            String detail = withOrigin(p.detail());
            AuditEntry unsigned = new AuditEntry(++seq, at, p.actor(), p.action(), p.target(), p.outcome(),
                    detail, p.rowDigest(), previous, null);
            previous = AuditChain.hashOf(unsigned);
            entries.add(new AuditEntry(seq, at, p.actor(), p.action(), p.target(), p.outcome(), detail,
                    p.rowDigest(), unsigned.prevHash(), previous));
        }
        if (entries.size() == 1) {
            repo.append(entries.getFirst());
        } else {
            repo.insertAll(entries);
            repo.writeHead(new Head(seq, previous));
        }
    }

    private static String withOrigin(String detail) {
        if (!ORIGIN.isBound()) {
            return detail;
        }
        String origin = "(" + ORIGIN.get().auditText() + ")";
        if (detail == null || detail.isEmpty()) {
            return origin;
        }
        int room = DETAIL_MAX - origin.length() - 1;
        return (detail.length() > room ? detail.substring(0, room - 1) + "…" : detail) + " " + origin;
    }

    /**
     * Entries added one at a time and appended in chunks, so that binding a million rows never holds
     * a million pending entries: demo data and binding an older store's rows go through it.
     */
    final class Batch implements AutoCloseable {
        private static final int CHUNK = 5_000;
        private final DSLContext tx;
        private final List<Pending> pending = new ArrayList<>();
        private int added;

        private Batch(DSLContext tx) {
            this.tx = tx;
        }

        void add(Pending entry) {
            pending.add(entry);
            added++;
            if (pending.size() >= CHUNK) {
                flush();
            }
        }

        int added() {
            return added;
        }

        private void flush() {
            appendAll(tx, pending);
            pending.clear();
        }

        @Override
        public void close() {
            flush();
        }
    }

    Batch batch(DSLContext tx) {
        return new Batch(tx);
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

    /**
     * Walks the whole chain and names the first entry that does not fit; then checks that every key,
     * user and the site still match the chain's last word on them ({@link RowBinding}).
     */
    AuditVerification verify(DSLContext tx) {
        AuditRepository repo = new AuditRepository(tx);
        Head head = repo.head().orElse(null);
        if (head == null) {
            return broken(0, 1, "The audit log's head record is missing.");
        }
        ChainWalk walk = new ChainWalk();
        repo.forEach(walk);
        if (walk.problem != null) {
            return broken(walk.checked, walk.brokenSeq, walk.problem);
        }
        long last = walk.checked;
        if (head.lastSeq() != last || !head.lastHash().equals(walk.previous)) {
            long firstMissing = Math.min(last, head.lastSeq()) + 1;
            return broken(last, firstMissing, "The audit log ends at entry " + last + " but its head record says "
                    + head.lastSeq() + ": entries were cut off the end.");
        }
        String rows = BoundRows.firstMismatch(tx, walk.latestDigests);
        if (rows != null) {
            return new AuditVerification(false, last, -1, rows);
        }
        return new AuditVerification(true, last, -1, "The audit log is intact: " + last
                + " entries, chain verified; every key, user and the site match it.");
    }

    private static AuditVerification broken(long checked, long seq, String message) {
        return new AuditVerification(false, checked, seq, message);
    }
}
