package com.keydesk.service;

import com.keydesk.store.AuditRepository.Head;
import com.keydesk.store.Database;
import com.keydesk.store.TeamStore;

import java.nio.file.Path;
import java.time.Clock;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Moving a store to a team store: a backup (of a local store or of another team store) restored
 * into an EMPTY PostgreSQL database. The database gets KeyDesk's schema from the migrations, the
 * backup's rows through the same checked reader as a local restore, and the whole chain and every
 * row binding are verified before it is reported done. If anything fails, what was made is
 * dropped again: the database is as empty as it was.
 *
 * Restoring over a team store that already holds a store is refused (by {@link Database#create}):
 * other administrators and servers are working on it, and replacing it under them would lose
 * their changes. Restore into a fresh database and point everyone at it instead.
 */
public final class TeamStoreRestore {
    /** The actor recorded for the restore: no one is signed in to a store that does not exist yet. */
    static final String ACTOR = "(no store)";

    private TeamStoreRestore() {
    }

    public static StoreRestore.Outcome restore(TeamStore team, Path zip, Clock clock) {
        return restore(team, zip, clock, BackupFormat.Limits.STANDARD);
    }

    static StoreRestore.Outcome restore(TeamStore team, Path zip, Clock clock, BackupFormat.Limits limits) {
        Path file = zip.toAbsolutePath().normalize();
        BackupReader.peek(file);
        Database db = Database.create(team);
        boolean done = false;
        try {
            StagingStore rows = new StagingStore(db);
            BackupReader.Manifest manifest = BackupReader.read(file, limits, rows);
            rows.finish(new Head(manifest.headSeq(), manifest.headHash()));
            AuditLog log = new AuditLog(db, clock);
            StoreRestore.requireBoundRows(db, log, file);
            log.appendAlone(ACTOR, "store.restored", "store", OUTCOME_OK, "file=" + file);
            done = true;
            return new StoreRestore.Outcome(null, manifest.siteName(), manifest.createdAt());
        } finally {
            db.close();
            if (!done) {
                Database.discardUnfinished(team);
            }
        }
    }
}
