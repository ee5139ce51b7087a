package com.keydesk.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What a key table says of a key: its {@link KeyStatus}, with "expiring soon" for a working key
 * whose expiry is less than {@link #SOON} away. The one home of that rule: the tables' status
 * filter, in memory ({@link KeyStatusFilter#accepts}) and in the store's SQL, and the sign-in
 * notice's count all read it from here.
 */
public enum KeyCondition {
    ACTIVE, EXPIRING_SOON, DISABLED, EXPIRED, OWNER_DEACTIVATED;

    /** How close an expiry must be for a working key to count as expiring soon. */
    public static final Duration SOON = Duration.ofDays(7);

    public static KeyCondition of(KeySummary key, Instant now) {
        return of(key.status(now), key.expiresAt(), now);
    }

    public static KeyCondition of(KeyStatus status, Instant expiresAt, Instant now) {
        return switch (status) {
            case EXPIRED -> EXPIRED;
            case DISABLED -> DISABLED;
            case OWNER_DEACTIVATED -> OWNER_DEACTIVATED;
            case ACTIVE -> expiresAt != null && expiresAt.isBefore(soonAfter(now)) ? EXPIRING_SOON : ACTIVE;
        };
    }

    /** The instant before which a working key's expiry counts as soon. */
    public static Instant soonAfter(Instant now) {
        return now.plus(SOON);
    }

    /** Whether the key authenticates (its other checks passing). */
    public boolean works() {
        return this == ACTIVE || this == EXPIRING_SOON;
    }
}
