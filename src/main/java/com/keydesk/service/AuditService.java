package com.keydesk.service;

import com.keydesk.domain.AuditEntry;

import java.util.List;
import java.util.Map;

/** Reading and checking the audit log: administrators only. */
public final class AuditService {
    private final Guard guard;
    private final AuditLog audit;

    AuditService(Guard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * Hands every entry to {@code each}, oldest first, as the store reads them: for front ends that
     * write each one out and keep none ({@code keydesk audit list} of a million entries).
     */
    public void forEach(Session session, java.util.function.Consumer<AuditEntry> each) {
        guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.viewed", "audit");
            new com.keydesk.store.AuditRepository(tx).forEach(each);
            return null;
        });
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> entries(Session session) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.viewed", "audit");
            return audit.entries(tx);
        });
    }

    /**
     * The newest {@code limit} entries, oldest first, and how many the log holds: what the audit
     * screen shows. A million-key site has a million entries and more; held whole they did not fit
     * the desktop's heap (the screen froze, its old generation full), and nobody reads them in a window.
     */
    public Newest newest(Session session, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the newest entries are at least one, not " + limit);
        }
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.viewed", "audit");
            com.keydesk.store.AuditRepository entries = new com.keydesk.store.AuditRepository(tx);
            return new Newest(entries.newest(limit), entries.count());
        });
    }

    /** The newest entries, oldest first, and how many the log holds in all. */
    public record Newest(List<AuditEntry> entries, long total) {
    }

    /**
     * What the keys and users these entries name are called, by target ({@code api_key:3} to the
     * key's name, {@code user:2} to the username): a revoked key by the name its entries last
     * recorded. A target with no name found (the site, a username no one has) is left out.
     */
    public Map<String, String> targetNames(Session session, List<AuditEntry> entries) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.viewed", "audit");
            return AuditTargets.names(tx, entries);
        });
    }

    /** Walks the hash chain and names the first entry changed, removed, reordered or cut off. */
    public AuditVerification verify(Session session) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.verified", "audit");
            return audit.verify(tx);
        });
    }
}
