package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.store.AuditRepository.Head;
import com.keydesk.store.BackupTables;
import com.keydesk.store.BackupTables.KeyRow;
import com.keydesk.store.BackupTables.SiteRow;
import com.keydesk.store.BackupTables.UserRow;
import com.keydesk.store.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * A fresh store made by KeyDesk's own migrations that a restore fills with the rows a backup
 * brings, a few thousand at a time, so that a large backup is never held in memory at once.
 */
final class StagingStore implements BackupTables.Rows {
    private static final int BATCH = 10_000;
    private final Database db;
    private final List<UserRow> users = new ArrayList<>();
    private final List<KeyRow> keys = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    StagingStore(Database db) {
        this.db = db;
    }

    @Override
    public void site(SiteRow row) {
        db.inTransaction(cfg -> {
            BackupTables.insertSite(cfg.dsl(), row);
            return null;
        });
    }

    @Override
    public void user(UserRow row) {
        add(users, row);
    }

    @Override
    public void key(KeyRow row) {
        flush(users);
        add(keys, row);
    }

    @Override
    public void audit(AuditEntry row) {
        flush(users);
        flush(keys);
        add(audit, row);
    }

    /** Writes what is left, the audit head and the id sequences. */
    void finish(Head head) {
        flush(users);
        flush(keys);
        flush(audit);
        db.inTransaction(cfg -> {
            BackupTables.finish(cfg.dsl(), head);
            return null;
        });
    }

    private <T> void add(List<T> pending, T row) {
        pending.add(row);
        if (pending.size() >= BATCH) {
            flush(pending);
        }
    }

    @SuppressWarnings("unchecked")
    private void flush(List<?> pending) {
        if (pending.isEmpty()) {
            return;
        }
        db.inTransaction(cfg -> {
            if (pending == users) {
                BackupTables.insertUsers(cfg.dsl(), (List<UserRow>) pending);
            } else if (pending == keys) {
                BackupTables.insertKeys(cfg.dsl(), (List<KeyRow>) pending);
            } else {
                BackupTables.insertAudit(cfg.dsl(), (List<AuditEntry>) pending);
            }
            return null;
        });
        pending.clear();
    }
}
