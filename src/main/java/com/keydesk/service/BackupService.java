package com.keydesk.service;

import com.keydesk.store.Backups;

import java.nio.file.Path;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/** Consistent backups of the open store: administrators only. Restoring is done on a closed store (see Backups). */
public final class BackupService {
    private final Guard guard;
    private final AuditLog audit;

    BackupService(Guard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /** Writes the backup, then records it; the entry is in the store, not in the backup it describes. */
    public void backup(Session session, Path file) {
        guard.run(session, (tx, actor) -> {
            String action = "store.backup_created";
            Policy.requireAdmin(actor, action, "store");
            Backups.backup(tx, file);
            audit.append(tx, actor.username(), action, "store", OUTCOME_OK, "file=" + file.toAbsolutePath().normalize());
            return null;
        });
    }

    /** Checks that the actor may replace this store with a backup, and records the intent before it happens. */
    public void authorizeRestore(Session session, Path file) {
        guard.run(session, (tx, actor) -> {
            String action = "store.restore_started";
            Policy.requireAdmin(actor, action, "store");
            Backups.requireBackupFile(file);
            audit.append(tx, actor.username(), action, "store", OUTCOME_OK, "file=" + file.toAbsolutePath().normalize());
            return null;
        });
    }

    /** Records in the restored store who restored it and from where. */
    public void recordRestore(String actor, Path file) {
        audit.appendAlone(actor, "store.restored", "store", OUTCOME_OK, "file=" + file.toAbsolutePath().normalize());
    }
}
