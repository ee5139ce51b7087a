package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.store.AuditRepository;
import org.jooq.DSLContext;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What an attacker with an SQL client and this project's source can do to an unkeyed chain:
 * remove entries and re-link the rest, head included, so that the chain alone still verifies.
 */
public final class ChainRewriter {
    private ChainRewriter() {
    }

    /** Deletes the entries {@code drop} selects and re-links every later one. */
    public static void dropAndRelink(DSLContext dsl, Predicate<AuditEntry> drop) {
        rewrite(dsl, e -> drop.test(e) ? null : e);
    }

    /** Replaces each entry with what {@code edit} makes of it (null: drops it) and re-links the chain. */
    public static void rewrite(DSLContext dsl, UnaryOperator<AuditEntry> edit) {
        AuditRepository repo = new AuditRepository(dsl);
        List<AuditEntry> kept = repo.all().stream().map(edit).filter(java.util.Objects::nonNull).toList();
        dsl.execute("DELETE FROM audit_entry");
        String previous = AuditChain.GENESIS;
        long seq = 0;
        for (AuditEntry e : kept) {
            AuditEntry unsigned = new AuditEntry(++seq, e.at(), e.actor(), e.action(), e.target(), e.outcome(),
                    e.detail(), e.rowDigest(), previous, null);
            previous = AuditChain.hashOf(unsigned);
            repo.insert(new AuditEntry(seq, e.at(), e.actor(), e.action(), e.target(), e.outcome(), e.detail(),
                    e.rowDigest(), unsigned.prevHash(), previous));
        }
        repo.writeHead(new AuditRepository.Head(seq, previous));
    }
}
