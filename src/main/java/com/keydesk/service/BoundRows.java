package com.keydesk.service;

import com.keydesk.store.AuditRepository;
import com.keydesk.store.RowStates;
import org.jooq.DSLContext;

import java.util.HashMap;
import java.util.Map;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Checks and establishes {@link RowBinding} for a whole store: every key, user and the site
 * against the newest digests in the chain (audit verify), and, once, the rows of a store written
 * before KeyDesk bound rows (schema 2 and older), which are taken as they are when first opened.
 */
final class BoundRows {
    /** The entry that says a store's rows are bound: present in every store made or upgraded since schema 3. */
    static final String BOUND_ACTION = "store.rows_bound";
    static final String STORE_TARGET = "store";
    static final String SYSTEM_ACTOR = "keydesk";

    private BoundRows() {
    }

    /** The first row that does not match, as a sentence; null when all do. */
    static String firstMismatch(DSLContext tx, Map<String, String> latestDigests) {
        Map<String, String> unseen = new HashMap<>(latestDigests);
        RowStates states = new RowStates(tx);
        String[] problem = new String[1];
        states.forEachKey((id, state) -> check(unseen, RowBinding.keyTarget(id), RowBinding.keyDigest(state),
                "Key " + id, problem));
        states.forEachUser((id, state) -> check(unseen, RowBinding.userTarget(id), RowBinding.userDigest(state),
                "User " + id, problem));
        check(unseen, RowBinding.SITE_TARGET, RowBinding.ofSite(tx), "The site record", problem);
        if (problem[0] == null) {
            // what the chain last saw alive but the store no longer holds
            unseen.entrySet().stream()
                    .filter(e -> !e.getValue().equals(RowBinding.REMOVED))
                    .filter(e -> e.getKey().startsWith("api_key:") || e.getKey().startsWith("user:"))
                    .map(Map.Entry::getKey).sorted().findFirst()
                    .ifPresent(target -> problem[0] = target.replace("api_key:", "Key ").replace("user:", "User ")
                            + " was deleted outside KeyDesk.");
        }
        return problem[0] == null ? null : problem[0] + " Run 'keydesk audit verify' after restoring a backup.";
    }

    private static void check(Map<String, String> unseen, String target, String actual, String what, String[] problem) {
        String bound = unseen.remove(target);
        if (problem[0] == null) {
            problem[0] = RowBinding.mismatch(bound, actual, what);
        }
    }

    /**
     * Binds the rows of a store that has never been bound (written before schema 3), in one
     * transaction: one entry per row, then the marker. A store made since has the marker from
     * its first transaction, so this finds nothing to do after one indexed look-up.
     */
    static int bindIfNeverBound(AuditLog audit, DSLContext tx) {
        AuditRepository repo = new AuditRepository(tx);
        if (repo.head().isEmpty() || repo.has(STORE_TARGET, BOUND_ACTION)) {
            return 0;
        }
        RowStates states = new RowStates(tx);
        try (AuditLog.Batch entries = audit.batch(tx)) {
            states.forEachUser((id, state) -> entries.add(bound(RowBinding.userTarget(id), RowBinding.userDigest(state))));
            states.forEachKey((id, state) -> entries.add(bound(RowBinding.keyTarget(id), RowBinding.keyDigest(state))));
            if (states.site().isPresent()) {
                entries.add(bound(RowBinding.SITE_TARGET, RowBinding.ofSite(tx)));
            }
            int rows = entries.added();
            entries.add(marker(SYSTEM_ACTOR, rows + " rows written before schema 3, taken as they were"));
            return rows;
        }
    }

    /** The marker a new store writes in its first transaction: its rows are bound from the start. */
    static AuditLog.Pending marker(String actor, String detail) {
        return new AuditLog.Pending(actor, BOUND_ACTION, STORE_TARGET, OUTCOME_OK, detail, null);
    }

    private static AuditLog.Pending bound(String target, String digest) {
        return new AuditLog.Pending(SYSTEM_ACTOR, "row.bound", target, OUTCOME_OK, null, digest);
    }
}
