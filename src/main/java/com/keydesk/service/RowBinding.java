package com.keydesk.service;

import com.keydesk.domain.TamperedException;
import com.keydesk.store.AuditRepository;
import com.keydesk.store.RowStates;
import com.keydesk.store.SiteCheck;
import com.keydesk.store.UserCheck;
import org.jooq.DSLContext;

import java.util.Optional;

/**
 * Binds every row that grants access (keys, users, the site) to the audit chain: each change
 * records, in its audit entry, a digest of the row as the change left it ({@link #REMOVED} when it
 * deleted the row). A row whose digest differs from the newest such entry about it, or that no
 * entry describes, was made or edited outside KeyDesk and is not honoured.
 *
 * <p>What this does not catch: someone who can write the store file and knows this format can
 * append entries of their own that bind a forged row. Those entries are in the log for anyone to
 * read, and rewriting or cutting history is caught by the chain and the witness (docs/RELIABILITY.md).
 */
final class RowBinding {
    /** The digest recorded when a change deleted its row: a row that reappears never matches it. */
    static final String REMOVED = "removed";
    static final String SITE_TARGET = "site";

    private RowBinding() {
    }

    static String keyTarget(long id) {
        return "api_key:" + id;
    }

    static String userTarget(long id) {
        return "user:" + id;
    }

    /** The digest of the key row as it is now, or {@link #REMOVED}. */
    static String ofKey(DSLContext tx, long id) {
        return digest("api_key", new RowStates(tx).key(id));
    }

    static String ofUser(DSLContext tx, long id) {
        return digest("app_user", new RowStates(tx).user(id));
    }

    static String ofSite(DSLContext tx) {
        return digest("site", new RowStates(tx).site());
    }

    static String keyDigest(String state) {
        return digest("api_key", Optional.of(state));
    }

    static String userDigest(String state) {
        return digest("app_user", Optional.of(state));
    }

    /** Refuses a key row that does not match the chain, naming it. */
    static void requireKey(DSLContext tx, long id) {
        require(tx, keyTarget(id), ofKey(tx, id), "Key " + id);
    }

    static void requireUser(DSLContext tx, long id) {
        require(tx, userTarget(id), ofUser(tx, id), "User " + id);
    }

    static void requireSite(DSLContext tx) {
        require(tx, SITE_TARGET, ofSite(tx), "The site record");
    }

    /**
     * As {@link #requireUser(DSLContext, long)}, with the row's state and the chain's digest already
     * read together ({@link UserCheck}). A mismatch is not believed at once: it is read again as
     * {@link #mismatch(DSLContext, String, String, String)} does, so the rule is exactly as strict.
     */
    static void requireUser(DSLContext tx, UserCheck user) {
        if (mismatch(user.bound(), userDigest(user.state()), "User " + user.user().id()) != null) {
            requireUser(tx, user.user().id());
        }
    }

    /** As {@link #requireSite(DSLContext)}, from a {@link SiteCheck}; the same rule as above on a mismatch. */
    static void requireSite(DSLContext tx, SiteCheck site) {
        if (mismatch(site.bound(), digest("site", Optional.of(site.state())), "The site record") != null) {
            requireSite(tx);
        }
    }

    /** True when the site row matches the chain: for reads that show it without refusing anything. */
    static boolean siteIntact(DSLContext tx) {
        return mismatch(tx, SITE_TARGET, ofSite(tx), "The site record") == null;
    }

    /**
     * Null when the row matches; else the sentence that names what is wrong with it. The row and
     * its audit entry are read by two statements; on the local store (READ COMMITTED) another
     * transaction may commit a change to both between them, and the pair would look tampered with
     * for an instant. So a mismatch is read again, both sides, a few times before it is believed:
     * a row really changed outside KeyDesk stays mismatched. (A team store's SERIALIZABLE
     * transaction reads one snapshot, where the pair is always consistent.)
     */
    static String mismatch(DSLContext tx, String target, String actual, String what) {
        AuditRepository audit = new AuditRepository(tx);
        String problem = mismatch(audit.latestRowDigest(target).orElse(null), actual, what);
        for (int again = 0; problem != null && again < 3; again++) {
            String bound = audit.latestRowDigest(target).orElse(null);
            problem = mismatch(bound, current(tx, target), what);
        }
        return problem;
    }

    /** The digest of the row a target names, as it reads now. */
    private static String current(DSLContext tx, String target) {
        if (target.equals(SITE_TARGET)) {
            return ofSite(tx);
        }
        long id = Long.parseLong(target.substring(target.indexOf(':') + 1));
        return target.startsWith("api_key:") ? ofKey(tx, id) : ofUser(tx, id);
    }

    /** As above, with the chain's newest digest for the row already at hand ({@code bound}: null for none). */
    static String mismatch(String bound, String actual, String what) {
        if (actual.equals(bound == null ? REMOVED : bound)) {
            return null;
        }
        if (bound == null) {
            return what + " was added outside KeyDesk: no audit entry records it.";
        }
        if (actual.equals(REMOVED)) {
            return what + " was deleted outside KeyDesk.";
        }
        return bound.equals(REMOVED)
                ? what + " was deleted by KeyDesk and has been put back outside it."
                : what + " was changed outside KeyDesk: it no longer matches its last audit entry.";
    }

    private static void require(DSLContext tx, String target, String actual, String what) {
        String problem = mismatch(tx, target, actual, what);
        if (problem != null) {
            throw new TamperedException(problem + " KeyDesk does not honour it; restore a backup or ask an"
                    + " administrator to run 'keydesk audit verify'.");
        }
    }

    private static String digest(String table, Optional<String> state) {
        return state.map(s -> AuditChain.sha256(table + "\n" + s)).orElse(REMOVED);
    }
}
