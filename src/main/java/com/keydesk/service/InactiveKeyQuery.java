package com.keydesk.service;

import com.keydesk.domain.InactiveKey;
import com.keydesk.domain.KeyType;
import com.keydesk.store.InactiveRows;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the keys that no longer work for one person: an administrator sees every key of the type
 * asked for, anyone else only their own. A revoked key is known only from the entry that revoked
 * it ({@code KeyService.describe}: {@code name="…" label=… type=user owner=bob permission=…}).
 */
final class InactiveKeyQuery {
    /**
     * The name runs to the last {@code " label=} that the fixed fields follow (a name may hold
     * quotes); the type and owner are read after it, so a name cannot pose as another owner.
     */
    private static final Pattern DESCRIBED = Pattern.compile(
            "^name=\"(.*)\" label=\\S* type=(site|user)(?: owner=(\\S+))? permission=\\S+");

    /** The most one read lists: a window shows the newest, and a person narrows by type. */
    static final int MAX_LIMIT = 10_000;
    private static final int MIN_BATCH = 200;

    private InactiveKeyQuery() {
    }

    static InactiveKeys read(DSLContext tx, Actor actor, KeyType type, Instant now, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        boolean all = actor.isAdmin();
        KeyType wanted = all ? type : KeyType.USER;   // anyone else owns user keys only
        String owner = all ? null : actor.username();
        List<String> hints = new ArrayList<>();
        if (wanted != null) {
            hints.add(" type=" + (wanted == KeyType.SITE ? "site" : "user"));
        }
        if (owner != null) {
            hints.add(" owner=" + owner + " permission=");
        }
        List<InactiveKey> found = new ArrayList<>();
        java.util.Set<String> administrators = InactiveRows.administrators(tx);
        // The hints only narrow: entries they let through may still be dropped below, so the log is
        // read on in batches until limit + 1 keys are found (then "more" is true) or it is read out.
        int batch = Math.max(limit + 1, MIN_BATCH);
        Long before = null;
        int kept = 0;
        while (kept <= limit) {
            List<InactiveRows.Revocation> rows = InactiveRows.revocations(tx, hints, before, batch);
            for (InactiveRows.Revocation r : rows) {
                InactiveKey key = revoked(r, administrators);
                if (key != null && (wanted == null || key.type() == wanted)
                        && (owner == null || owner.equals(key.ownerUsername()))) {
                    found.add(key);
                    kept++;
                }
            }
            if (rows.size() < batch) {
                break;
            }
            before = rows.getLast().seq();
        }
        for (InactiveRows.Expired e : InactiveRows.expired(tx, all ? null : actor.id(), wanted, now, limit + 1)) {
            found.add(new InactiveKey(e.id(), e.name(), e.ownerUsername(), InactiveKey.Kind.EXPIRED, e.expiresAt(), null));
        }
        found.sort(Comparator.comparing(InactiveKey::at).reversed().thenComparing(InactiveKey::id, Comparator.reverseOrder()));
        boolean more = found.size() > limit;
        return new InactiveKeys(List.copyOf(more ? found.subList(0, limit) : found), more);
    }

    /**
     * The key an entry revoked, or null when its detail is not a key's description (an older store's
     * wording). The name before the description's fields and a revoke reason after them are both
     * free text, so a person who is not an administrator (and may revoke
     * only their own keys) could write fields that name another owner. When such a person revoked
     * the key, it was theirs: it is listed as theirs whatever the text says.
     */
    static InactiveKey revoked(InactiveRows.Revocation r, java.util.Set<String> administrators) {
        Long id = r.target() == null ? null : AuditTargets.idAfter(r.target(), AuditTargets.KEY);
        if (id == null || r.detail() == null) {
            return null;
        }
        Matcher m = DESCRIBED.matcher(r.detail());
        if (!m.find()) {
            return null;
        }
        String owner = "site".equals(m.group(2)) ? null : m.group(3);
        if (owner == null && "user".equals(m.group(2))) {
            return null;
        }
        if (!administrators.contains(r.actor())) {
            owner = r.actor();
        }
        InactiveKey.Kind kind = r.replaced() ? InactiveKey.Kind.REPLACED : InactiveKey.Kind.REVOKED;
        return new InactiveKey(id, m.group(1), owner, kind, r.at(), r.actor());
    }
}
