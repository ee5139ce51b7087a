package com.keydesk.store;

import com.keydesk.threads.HeadStart;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import static com.keydesk.store.generated.Tables.API_KEY;
import static com.keydesk.store.generated.Tables.APP_USER;
import static com.keydesk.store.generated.Tables.SIGN_IN_THROTTLE;

/**
 * jOOQ's first use in a process costs the better part of a second of class loading and static
 * initialisation; none of it needs the store. So the first {@link Database} opening builds and
 * renders queries of the shapes every command starts with (sign-in, the acting user) on a second
 * thread while the opening thread opens H2, and the opening thread waits for it before it touches
 * jOOQ itself. It must wait: jOOQ's static initialisers can deadlock when two threads run them at
 * once (jOOQ issues 8226, 19529, 19550), so only this thread ever runs them, once per process.
 */
final class JooqWarmUp {
    private static HeadStart running;

    private JooqWarmUp() {
    }

    /** Starts the warm-up unless it has been started before in this process. */
    static synchronized void start() {
        if (running == null) {
            running = HeadStart.start("keydesk-jooq-warm-up", JooqWarmUp::run);
        }
    }

    /** Returns once the warm-up has finished (at once if it never started); touching jOOQ before could deadlock. */
    static void awaitDone() {
        HeadStart started;
        synchronized (JooqWarmUp.class) {
            started = running;
        }
        if (started != null) {
            started.awaitDone();
        }
    }

    private static void run() {
        DSLContext dsl = DSL.using(SQLDialect.H2, Database.settings());
        dsl.selectFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.USERNAME_DIGEST.eq("")).getSQL();
        dsl.select(APP_USER.fields())
                .select(DSL.field(DSL.selectCount().from(API_KEY).where(API_KEY.USER_ID.eq(APP_USER.ID))).as("n"))
                .from(APP_USER).where(APP_USER.USERNAME_KEY.eq("")).getSQL();
        dsl.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.USERNAME_DIGEST.eq("")).getSQL();
    }
}
