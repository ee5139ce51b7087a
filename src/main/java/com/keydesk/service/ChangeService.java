package com.keydesk.service;

import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyType;
import com.keydesk.store.AuditRepository;
import com.keydesk.store.AuditRepository.Touched;
import com.keydesk.store.KeyRepository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Catching up on changes others made to a shared store, without reading every key again: every
 * change is audited in the same transaction, and an entry's target names the row it changed, so
 * the entries after the one last seen say which rows to read again.
 */
public final class ChangeService {
    /** More entries than this since the last look (demo data, a restore): reading the table afresh is cheaper. */
    static final int MOST_ENTRIES = 2_000;
    private static final String KEY = "api_key:";
    private static final String USER = "user:";
    /** Changes to the store as a whole that replace or add rows wholesale. */
    private static final Set<String> WHOLESALE = Set.of("store.restored", "store.demo_data_added", BoundRows.BOUND_ACTION);

    private final Guard guard;
    private final int mostEntries;

    ChangeService(Guard guard) {
        this(guard, MOST_ENTRIES);
    }

    /** Tests pass a small limit rather than making thousands of changes. */
    ChangeService(Guard guard, int mostEntries) {
        this.guard = guard;
        this.mostEntries = mostEntries;
    }

    /** The newest audit entry's number: a table read after this call watches for changes after it. */
    public long head(Session session) {
        return guard.run(session, (tx, actor) -> headOf(new AuditRepository(tx)));
    }

    /**
     * What changed in the keys the actor may see since entry {@code afterSeq}, as rows of the caller's
     * kind ({@code type} null: both kinds). An administrator gets exactly the changed rows; anyone else
     * sees only their own keys and learns only whether anything may have touched them (then
     * {@code reloadAll}: their own few keys), never which other keys changed.
     */
    public <R> KeyChanges<R> keysSince(Session session, long afterSeq, KeyType type, Function<KeySummary, R> toRow) {
        return guard.run(session, (tx, actor) -> {
            AuditRepository audit = new AuditRepository(tx);
            long head = headOf(audit);
            if (head == afterSeq) {
                return KeyChanges.none(head);
            }
            List<Touched> touched = head < afterSeq ? null : audit.touchedAfter(afterSeq, mostEntries + 1);
            if (touched == null || touched.size() > mostEntries) {
                return KeyChanges.everything(head);   // a history that went back (restored) or too long to patch
            }
            Set<Long> keyIds = new LinkedHashSet<>();
            Set<Long> userIds = new HashSet<>();
            boolean site = false;
            for (Touched t : touched) {
                if (!OUTCOME_OK.equals(t.outcome()) || t.target() == null) {
                    continue;   // a denied or failed attempt changed nothing
                }
                if (WHOLESALE.contains(t.action())) {
                    return KeyChanges.everything(head);
                }
                site |= t.target().equals("site");
                idAfter(t.target(), KEY, keyIds);
                idAfter(t.target(), USER, userIds);
            }
            if (!actor.isAdmin()) {
                boolean mayConcernThem = !keyIds.isEmpty() || !userIds.isEmpty();
                return new KeyChanges<>(head, mayConcernThem, List.of(), Set.of(), site);
            }
            Set<Long> gone = new HashSet<>(keyIds);
            List<R> changed = new ArrayList<>();
            for (KeySummary summary : new KeyRepository(tx).summariesOf(keyIds, userIds, s -> s)) {
                gone.remove(summary.id());
                if (type == null || summary.type() == type) {
                    changed.add(toRow.apply(summary));
                }
            }
            return new KeyChanges<>(head, false, List.copyOf(changed), Set.copyOf(gone), site);
        });
    }

    private static long headOf(AuditRepository audit) {
        return audit.head().map(AuditRepository.Head::lastSeq).orElse(0L);
    }

    private static void idAfter(String target, String prefix, Set<Long> into) {
        if (target.startsWith(prefix)) {
            try {
                into.add(Long.parseLong(target.substring(prefix.length())));
            } catch (NumberFormatException notAnId) {
                // a failed sign-in names what was typed, not a row
            }
        }
    }
}
