package com.keydesk.service;

import com.keydesk.domain.AuditEntry;

import java.util.List;

/** Reading and checking the audit log: administrators only. */
public final class AuditService {
    private final Guard guard;
    private final AuditLog audit;

    AuditService(Guard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> entries(Session session) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "audit.viewed", "audit");
            return audit.entries(tx);
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
