package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.AuditRepository;
import com.keydesk.store.AuditRepository.Head;
import com.keydesk.store.Database;
import org.jooq.DSLContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * The installation's memory of a store's history. An unkeyed hash chain proves only that the
 * entries fit each other: someone who can write the store can delete an entry and re-link the
 * rest, or copy last week's file back, and the chain still holds. So every installation (app,
 * command line) remembers, outside the store, the newest entry it has seen of each store, and on
 * opening checks that the store still holds that entry unchanged and does not end before it.
 */
public final class Witness {
    private static final Pattern CHECKPOINT = Pattern.compile("([1-9][0-9]{0,18}):([0-9a-f]{64})");

    private final Database db;
    private final WitnessBook book;
    private final String location;
    private final Guard guard;
    private final AuditLog audit;

    private Witness(Database db, WitnessBook book, String location, AuditLog audit) {
        this.db = db;
        this.book = book;
        this.location = location;
        this.audit = audit;
        this.guard = new Guard(db, audit);
    }

    /**
     * A witness for the store at {@code location} (a folder or a server address: what names the
     * store to a person), keeping its memory in {@code folder}.
     */
    public static Witness over(Database db, Clock clock, Path folder, String location) {
        return new Witness(db, new WitnessBook(folder), location, new AuditLog(db, clock));
    }

    /** A record of where a history stood: "SEQ:HASH", as `audit checkpoint` prints it. */
    public record Checkpoint(long seq, String hash) {
        public static Checkpoint parse(String text) {
            Matcher m = CHECKPOINT.matcher(text == null ? "" : text.strip());
            if (!m.matches()) {
                throw new ValidationException("checkpoint", "A checkpoint reads SEQ:HASH, as 'keydesk audit checkpoint'"
                        + " prints it (a sequence number, a colon and 64 hexadecimal digits).");
            }
            return new Checkpoint(Long.parseLong(m.group(1)), m.group(2));
        }

        @Override
        public String toString() {
            return seq + ":" + hash;
        }
    }

    /**
     * The store's history against what this installation saw of it: empty when it still holds the
     * newest entry seen, unchanged, and does not end before it; else the problem as a sentence.
     */
    public Optional<String> check() {
        return db.inTransaction(cfg -> current(cfg.dsl())
                .flatMap(now -> book.read(location).flatMap(seen -> problem(cfg.dsl(), seen, now))));
    }

    /**
     * Remembers the store's head as it is now. Call it only when {@link #check} found nothing, so
     * that a warning stays until someone has looked (see {@link #trustCurrent}). Empty, or why the
     * memory could not be written (which never fails a command that has done its work).
     */
    public Optional<String> remember() {
        return db.inTransaction(cfg -> current(cfg.dsl())
                .filter(now -> !book.read(location).equals(Optional.of(now)))
                .flatMap(now -> book.write(location, now)));
    }

    /** The head of the store's history, for a record kept elsewhere: administrators only. */
    public Checkpoint checkpoint(Session session) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.checkpoint", "audit");
            Head head = new AuditRepository(tx).head().orElseThrow();
            return new Checkpoint(head.lastSeq(), head.lastHash());
        });
    }

    /** Null when the store's history holds the checkpoint's entry unchanged and does not end before it. */
    public String checkAgainst(Session session, Checkpoint checkpoint) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.verified", "audit");
            Head head = new AuditRepository(tx).head().orElseThrow();
            return holds(tx, checkpoint.seq(), checkpoint.hash(), head.lastSeq(), "the checkpoint " + checkpoint)
                    .orElse(null);
        });
    }

    /**
     * After someone has looked into a warning (a backup restored on purpose elsewhere, say): this
     * installation accepts the store's history as it now is. Administrators only; audited.
     */
    public void trustCurrent(Session session) {
        guard.run(session, (tx, actor) -> {
            String action = "audit.witness_reset";
            Policy.requireAdmin(actor, action, "audit");
            Optional<WitnessBook.Seen> before = book.read(location);
            audit.append(tx, actor.username(), action, "store", OUTCOME_OK,
                    "this installation now trusts the history as it is" + before.map(s -> " (it had seen entry "
                            + s.seq() + ")").orElse(""));
            return null;
        });
        // written after the entry committed, so that what is remembered includes it
        remember();
    }

    private static Optional<WitnessBook.Seen> current(DSLContext tx) {
        AuditRepository repo = new AuditRepository(tx);
        Optional<Head> head = repo.head().filter(h -> h.lastSeq() > 0);
        Optional<AuditEntry> first = repo.find(1);
        if (head.isEmpty() || first.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WitnessBook.Seen(first.get().entryHash(), head.get().lastSeq(), head.get().lastHash()));
    }

    private Optional<String> problem(DSLContext tx, WitnessBook.Seen seen, WitnessBook.Seen now) {
        if (!seen.identity().equals(now.identity())) {
            return Optional.of("The store at " + location + " is not the one this installation saw there: its history"
                    + " begins differently. It was replaced, or its history was rewritten outside KeyDesk.");
        }
        return holds(tx, seen.seq(), seen.hash(), now.seq(), "entry " + seen.seq() + " that this installation saw");
    }

    private static Optional<String> holds(DSLContext tx, long seq, String hash, long headSeq, String what) {
        if (headSeq < seq) {
            return Optional.of("The store's history ends at entry " + headSeq + ", before " + what
                    + ": the store was rolled back (an older copy put in its place) or entries were cut off.");
        }
        Optional<AuditEntry> entry = new AuditRepository(tx).find(seq);
        if (entry.isEmpty() || !entry.get().entryHash().equals(hash)) {
            return Optional.of("The store's history no longer holds " + what
                    + " unchanged: it was rewritten outside KeyDesk.");
        }
        return Optional.empty();
    }
}
