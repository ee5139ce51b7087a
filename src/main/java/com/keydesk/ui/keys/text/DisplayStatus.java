package com.keydesk.ui.keys.text;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyCondition;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.KeySummary;
import com.keydesk.ui.Messages;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A key's status as shown ({@link KeyCondition}: the service's status, with "expiring soon" for an
 * active key near its end), with its words and badge.
 */
public enum DisplayStatus {
    ACTIVE, EXPIRING_SOON, DISABLED, EXPIRED, OWNER_DEACTIVATED;

    public static final Duration SOON = KeyCondition.SOON;

    public static DisplayStatus of(ApiKey key, Instant now) {
        return of(key.status(now), key.expiresAt(), now);
    }

    public static DisplayStatus of(KeySummary key, Instant now) {
        return of(key.status(now), key.expiresAt(), now);
    }

    private static DisplayStatus of(KeyStatus status, Instant expiresAt, Instant now) {
        return valueOf(KeyCondition.of(status, expiresAt, now).name());   // the rule is the domain's
    }

    /** The domain's condition this status shows. */
    public KeyCondition condition() {
        return KeyCondition.valueOf(name());
    }

    public boolean works() {
        return this == ACTIVE || this == EXPIRING_SOON;
    }

    /** The key's own switch is on (it can be disabled), whether or not its owner lets it work. */
    public boolean switchedOn() {
        return works() || this == OWNER_DEACTIVATED;
    }

    public String text() {
        return Messages.get("status." + name().toLowerCase(Locale.ROOT));
    }

    public String styleClass() {
        return switch (this) {
            case ACTIVE -> "badge-active";
            case EXPIRING_SOON -> "badge-expiring";
            case DISABLED, OWNER_DEACTIVATED -> "badge-disabled";
            case EXPIRED -> "badge-expired";
        };
    }
}
