package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.store.Database;
import com.keydesk.store.UserCheck;
import org.jooq.DSLContext;

/**
 * How every signed-in operation runs: one transaction, the actor reloaded from the store (so a
 * deactivation or demotion counts at once), and a denied attempt audited and reported.
 */
final class Guard {
    interface Work<T> {
        T run(DSLContext tx, Actor actor);
    }

    private final Database db;
    private final AuditLog audit;

    Guard(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The sentence for every call but changing the password while an administrator's reset is pending. */
    static final String MUST_CHANGE = "An administrator reset your password: choose a new one before doing anything else.";

    <T> T run(Session session, Work<T> work) {
        return run(session, false, work);
    }

    /**
     * As {@link #run(Session, Work)}, also for a person whose password an administrator reset:
     * only for reading who one is and for changing one's own password. Every other call refuses them.
     */
    <T> T runWhilePasswordMustChange(Session session, Work<T> work) {
        return run(session, true, work);
    }

    private <T> T run(Session session, boolean evenIfPasswordMustChange, Work<T> work) {
        if (session == null) {
            throw new AuthenticationException("Sign in first.");
        }
        if (session.origin() == null) {
            return runAs(session, evenIfPasswordMustChange, work);
        }
        // every entry the call writes, refusals included, names the API key and the client
        return ScopedValue.where(AuditLog.ORIGIN, session.origin()).call(() -> runAs(session, false, work));
    }

    private <T> T runAs(Session session, boolean evenIfPasswordMustChange, Work<T> work) {
        try {
            return db.inTransaction(cfg -> {
                DSLContext tx = cfg.dsl();
                Actor actor = actor(tx, session);
                // a key acts by its own secret, which no reset touched; a person must change first
                if (session.origin() == null && actor.user().mustChangePassword() && !evenIfPasswordMustChange) {
                    throw new AuthenticationException(MUST_CHANGE);
                }
                return work.run(tx, actor);
            });
        } catch (Denied denied) {
            audit.appendAlone(denied.actor(), denied.action(), denied.target(), AuditEntry.OUTCOME_DENIED,
                    denied.getMessage());
            throw new PermissionDeniedException(denied.getMessage(), denied.rule());
        }
    }

    /** The actor as stored now; an account whose row was changed outside KeyDesk is not honoured. */
    private Actor actor(DSLContext tx, Session session) {
        if (session.origin() != null) {
            return KeyActor.of(tx, session.origin(), audit.now());
        }
        // the user, its row's state and the chain's digest of it: one read (one round trip to a team store)
        UserCheck user = UserCheck.byId(tx, session.userId())
                .filter(u -> u.user().active())
                .orElseThrow(() -> new AuthenticationException(
                        "Your account is no longer active. Ask an administrator, then sign in again."));
        RowBinding.requireUser(tx, user);
        return new Actor(user.user());
    }
}
