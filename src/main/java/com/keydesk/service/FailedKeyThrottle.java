package com.keydesk.service;

import com.keydesk.store.Database;
import com.keydesk.store.ThrottleRepository;
import com.keydesk.store.ThrottleRepository.State;
import com.keydesk.store.Times;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed keys per client address, counted in the store so that every server of one team store
 * counts the same failures (N servers behind a load balancer allow the same number, not N times
 * it) and a restart forgets none. The rows live in the sign-in throttle's table, keyed by a
 * SHA-256 of {@code "api-address:" + address}; no username digest can equal it, as a username
 * holds no ':'. A row's time is the end of its counting window until the failures reach the
 * limit, then the end of the address's wait.
 * <p>
 * A front in this process's memory keeps the check cheap, since it comes before any key is
 * looked at: an address known to be waiting is turned away without asking the store, and a
 * reading that found it free is trusted for {@link #TRUST_FREE_FOR}. So a flood of wrong keys
 * from one address costs the store one read a second and no Argon2id hash once the wait starts.
 * A wait another server started is seen here within that second, or at this server's next
 * failure from the address, whose count the store returns.
 */
public final class FailedKeyThrottle {
    /** How many failures within the window start a wait, and how long the wait lasts. */
    public record Rules(int allowedFailures, Duration window, Duration block) {
        public static final Rules STANDARD = new Rules(10, Duration.ofMinutes(1), Duration.ofMinutes(1));

        public Rules {
            if (allowedFailures < 1) {
                throw new IllegalArgumentException("at least one failure must be allowed");
            }
        }
    }

    static final Duration TRUST_FREE_FOR = Duration.ofSeconds(1);
    /** Addresses the front remembers at most; past that it starts again (the store still holds every count). */
    static final int MAX_REMEMBERED = 100_000;
    /** How often this process removes rows nobody has failed for a day: the table must not only grow. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    private static final String PREFIX = "api-address:";

    private final Database db;
    private final Clock clock;
    private final Rules rules;
    private final ConcurrentHashMap<String, Known> front = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.MIN;

    /** What this process last learnt of an address from the store, and when. */
    private record Known(int failures, Instant until, Instant learntAt) {
    }

    FailedKeyThrottle(Database db, Clock clock, Rules rules) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
    }

    /** Seconds the address must wait before a key of its is looked at; 0 when it may go on. */
    long retryAfterSeconds(String address) {
        Instant now = clock.instant();
        Known known = front.get(address);
        if (known == null || !waiting(known, now) && !now.isBefore(known.learntAt().plus(TRUST_FREE_FOR))) {
            Optional<State> stored = db.inTransaction(cfg -> new ThrottleRepository(cfg.dsl()).find(digest(address)));
            known = stored.map(s -> new Known(s.failures(), s.blockedUntil(), now)).orElse(new Known(0, now, now));
            remember(address, known);
        }
        if (!waiting(known, now)) {
            return 0;
        }
        long millis = Duration.between(now, known.until()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * Counts a failure from the address inside the caller's transaction, and returns the count as
     * the store now holds it; pass it to {@link #learn} once the transaction has committed.
     * Rows are locked before the audit head, in the order sign-in failures take them.
     */
    State countFailure(DSLContext tx, String address) {
        Instant now = Times.storable(clock.instant());
        ThrottleRepository rows = new ThrottleRepository(tx);
        if (now.isAfter(lastSweep.plus(SWEEP_EVERY))) {
            rows.removeWaitsEndedBefore(now.minus(AuthService.FORGET_AFTER));
            lastSweep = now;
        }
        String digest = digest(address);
        Optional<State> running = rows.findForUpdate(digest).filter(s -> now.isBefore(s.blockedUntil()));
        int failures = running.map(State::failures).orElse(0) + 1;
        Instant until = failures == rules.allowedFailures() ? now.plus(rules.block())
                : running.map(State::blockedUntil).orElse(now.plus(rules.window()));
        State after = new State(failures, until);
        rows.save(digest, after);
        return after;
    }

    /** What {@link #countFailure} returned, once it is committed: this process now knows it without asking. */
    void learn(String address, State committed) {
        remember(address, new Known(committed.failures(), committed.blockedUntil(), clock.instant()));
    }

    private boolean waiting(Known known, Instant now) {
        return known.failures() >= rules.allowedFailures() && now.isBefore(known.until());
    }

    private void remember(String address, Known known) {
        if (front.size() >= MAX_REMEMBERED) {
            Instant now = clock.instant();
            front.values().removeIf(k -> !waiting(k, now));
            if (front.size() >= MAX_REMEMBERED) {
                front.clear();   // a flood of addresses: the store still counts; only the shortcut is lost
            }
        }
        front.put(address, known);
    }

    private static String digest(String address) {
        return AuditChain.sha256(PREFIX + address);
    }
}
