package com.keydesk.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed keys per client address, in this process's memory, and turns an address away
 * for a while once it has failed too often. Asked before a key is looked at, so a flood of wrong
 * keys costs a map read each, never an Argon2id hash. Each server of a team store keeps its own
 * count: the limit per address is then at most this many per server, which is still cheap.
 */
final class FailedKeyThrottle {
    private final int allowedFailures;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final int maxAddresses;
    private final ConcurrentHashMap<String, Record> byAddress = new ConcurrentHashMap<>();

    /** Failures within one window, and the time the address is turned away until. */
    private record Record(int failures, Instant windowStart, Instant blockedUntil) {
    }

    FailedKeyThrottle(int allowedFailures, Duration window, Duration block, Clock clock, int maxAddresses) {
        this.allowedFailures = allowedFailures;
        this.window = window;
        this.block = block;
        this.clock = clock;
        this.maxAddresses = maxAddresses;
    }

    static FailedKeyThrottle standard() {
        return new FailedKeyThrottle(10, Duration.ofMinutes(1), Duration.ofMinutes(1), Clock.systemUTC(), 100_000);
    }

    /** Seconds the address must wait before its next key is looked at; 0 when it may go on. */
    long retryAfterSeconds(String address) {
        Record r = byAddress.get(address);
        Instant now = clock.instant();
        if (r == null || r.blockedUntil() == null || !now.isBefore(r.blockedUntil())) {
            return 0;
        }
        return Math.max(1, Duration.between(now, r.blockedUntil()).toSeconds() + 1);
    }

    /** Records a failed key; returns true when this failure is the one that starts a block (the allowed-th). */
    boolean failed(String address) {
        if (byAddress.size() >= maxAddresses) {
            forgetQuietAddresses();
        }
        Instant now = clock.instant();
        Record r = byAddress.compute(address, (a, old) -> {
            if (old == null || now.isAfter(old.windowStart().plus(window))
                    && (old.blockedUntil() == null || !now.isBefore(old.blockedUntil()))) {
                return new Record(1, now, allowedFailures <= 1 ? now.plus(block) : null);
            }
            int failures = old.failures() + 1;
            Instant until = failures >= allowedFailures ? now.plus(block) : old.blockedUntil();
            return new Record(failures, old.windowStart(), until);
        });
        return r.failures() == allowedFailures;
    }

    private void forgetQuietAddresses() {
        Instant now = clock.instant();
        byAddress.entrySet().removeIf(e -> now.isAfter(e.getValue().windowStart().plus(window))
                && (e.getValue().blockedUntil() == null || now.isAfter(e.getValue().blockedUntil())));
        if (byAddress.size() >= maxAddresses) {
            byAddress.clear();   // a flood of addresses: forgetting counts is better than growing without bound
        }
    }
}
