package com.keydesk.ui.keys;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.KeySummary;
import com.keydesk.ui.Messages;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A key's status as shown: the service's status, with "expiring soon" for an active key near its end. */
public enum DisplayStatus {
    ACTIVE, EXPIRING_SOON, DISABLED, EXPIRED;

    public static final Duration SOON = Duration.ofDays(7);

    public static DisplayStatus of(ApiKey key, Instant now) {
        return of(key.status(now), key.expiresAt(), now);
    }

    public static DisplayStatus of(KeySummary key, Instant now) {
        return of(key.status(now), key.expiresAt(), now);
    }

    private static DisplayStatus of(KeyStatus status, Instant expiresAt, Instant now) {
        if (status == KeyStatus.EXPIRED) {
            return EXPIRED;
        }
        if (status == KeyStatus.DISABLED) {
            return DISABLED;
        }
        return expiresAt != null && expiresAt.isBefore(now.plus(SOON)) ? EXPIRING_SOON : ACTIVE;
    }

    public boolean works() {
        return this == ACTIVE || this == EXPIRING_SOON;
    }

    public String text() {
        return Messages.get("status." + name().toLowerCase(Locale.ROOT));
    }

    public String styleClass() {
        return switch (this) {
            case ACTIVE -> "badge-active";
            case EXPIRING_SOON -> "badge-expiring";
            case DISABLED -> "badge-disabled";
            case EXPIRED -> "badge-expired";
        };
    }
}
