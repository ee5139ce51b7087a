package com.keydesk.store;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static com.keydesk.store.Times.fromDb;
import static com.keydesk.store.Times.toDb;
import static com.keydesk.store.generated.Tables.SIGN_IN_THROTTLE;

/**
 * Failed sign-in counts per username digest, and failed API keys per client-address digest
 * (service.FailedKeyThrottle), kept in the store so a restart does not reset them and every
 * server of a team store shares them.
 */
public final class ThrottleRepository {
    private final DSLContext dsl;

    public ThrottleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record State(int failures, Instant blockedUntil) {
    }

    public Optional<State> find(String usernameDigest) {
        return dsl.selectFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.USERNAME_DIGEST.eq(usernameDigest))
                .fetchOptional(r -> new State(r.getFailures(), fromDb(r.getBlockedUntil())));
    }

    /** As {@link #find}, with the row locked until the transaction ends: two failures at once both count. */
    public Optional<State> findForUpdate(String usernameDigest) {
        return dsl.selectFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.USERNAME_DIGEST.eq(usernameDigest)).forUpdate()
                .fetchOptional(r -> new State(r.getFailures(), fromDb(r.getBlockedUntil())));
    }

    /**
     * Removes the rows whose wait ended before {@code cutoff}. A row's wait ends at most 15 minutes
     * after its last failure, so with a cutoff a day back these are names nobody has got wrong for
     * at least a day: guesses at unknown names no longer pile up, and old failures stop counting.
     */
    public int removeWaitsEndedBefore(Instant cutoff) {
        return dsl.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.BLOCKED_UNTIL.lt(toDb(cutoff))).execute();
    }

    public int count() {
        return dsl.fetchCount(SIGN_IN_THROTTLE);
    }

    public void save(String usernameDigest, State state) {
        dsl.mergeInto(SIGN_IN_THROTTLE)
                .using(dsl.selectOne())
                .on(SIGN_IN_THROTTLE.USERNAME_DIGEST.eq(usernameDigest))
                .whenMatchedThenUpdate()
                .set(SIGN_IN_THROTTLE.FAILURES, state.failures())
                .set(SIGN_IN_THROTTLE.BLOCKED_UNTIL, toDb(state.blockedUntil()))
                .whenNotMatchedThenInsert(SIGN_IN_THROTTLE.USERNAME_DIGEST, SIGN_IN_THROTTLE.FAILURES, SIGN_IN_THROTTLE.BLOCKED_UNTIL)
                .values(usernameDigest, state.failures(), toDb(state.blockedUntil()))
                .execute();
    }

    /** Returns whether there was a row to remove. */
    public boolean clear(String usernameDigest) {
        return dsl.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.USERNAME_DIGEST.eq(usernameDigest)).execute() > 0;
    }
}
