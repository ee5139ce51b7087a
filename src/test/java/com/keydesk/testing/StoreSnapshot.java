package com.keydesk.testing;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.Site;
import com.keydesk.domain.User;
import com.keydesk.store.Database;
import com.keydesk.store.SiteRepository;

import java.util.List;

/**
 * Everything an administrator can read about a store, to prove that a refused call changed
 * nothing: every key, every user, the site and its setting.
 */
public record StoreSnapshot(List<ApiKey> keys, List<User> users, Site site) {

    public static StoreSnapshot of(TestStore store) {
        return new StoreSnapshot(store.services.keys().list(store.admin), store.services.users().list(store.admin),
                store.services.site().site(store.admin));
    }

    public static List<AuditEntry> audit(TestStore store) {
        return store.services.audit().entries(store.admin);
    }

    public static AuditEntry lastAudit(TestStore store) {
        List<AuditEntry> entries = audit(store);
        return entries.getLast();
    }

    /** Whether setup has run on this store: its site row exists. */
    public static boolean isSetUp(Database db) {
        return db.inTransaction(cfg -> new SiteRepository(cfg.dsl()).find().isPresent());
    }
}
