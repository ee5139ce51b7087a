package com.keydesk.service;

import com.keydesk.store.BackupTables;
import com.keydesk.store.SiteRepository;

import java.nio.file.Path;
import java.time.Clock;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Backups of the open store in KeyDesk's own format (BackupWriter): administrators only. Restoring
 * is {@link StoreRestore}, which asks this service whether the actor may and records it here.
 */
public final class BackupService {
    private static final String RESTORE = "store.restore_started";
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;

    BackupService(Guard guard, AuditLog audit, Clock clock) {
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes the backup, then records it; the entry is in the store, not in the backup it describes. */
    public void backup(Session session, Path file) {
        guard.run(session, (tx, actor) -> {
            String action = "store.backup_created";
            Policy.requireAdmin(actor, action, "store");
            BackupWriter.write(tx, file, clock.instant(), ProductVersion.text());
            audit.append(tx, actor.username(), action, "store", OUTCOME_OK, "file=" + file.toAbsolutePath().normalize());
            return null;
        });
    }

    /** The site a restore would replace, once the actor is known to be an administrator (a denial is audited). */
    CurrentSite siteToReplace(Session session) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, RESTORE, "store");
            String name = new SiteRepository(tx).find().map(s -> s.name()).orElse("");
            return new CurrentSite(name, BackupTables.siteIdentity(tx));
        });
    }

    /** Records, in the store about to be replaced, who replaces it and with what. */
    void recordRestoreStarted(Session session, Path file) {
        guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, RESTORE, "store");
            audit.append(tx, actor.username(), RESTORE, "store", OUTCOME_OK, "file=" + file);
            return null;
        });
    }

    record CurrentSite(String name, String identity) {
    }
}
