package com.keydesk.store;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static com.keydesk.store.Times.fromDb;
import static com.keydesk.store.Times.toDb;
import static com.keydesk.store.generated.Tables.SIGN_IN_THROTTLE;

/** Failed sign-in counts per username digest, kept in the store so a restart does not reset them. */
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

    public void clear(String usernameDigest) {
        dsl.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.USERNAME_DIGEST.eq(usernameDigest)).execute();
    }
}
