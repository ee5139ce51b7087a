package com.keydesk.ui.keys.create;

import com.keydesk.ui.Messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** How long a new key lives: a few presets, a chosen date (to the end of that day), or no expiry. */
public enum ExpiryPreset {
    DAYS_7(7), DAYS_30(30), DAYS_90(90), DAYS_365(365), DATE(0), NEVER(0);

    private final int days;

    ExpiryPreset(int days) {
        this.days = days;
    }

    /** The expiry instant, or null for none (and for a date not chosen yet). */
    public Instant expiry(Clock clock, LocalDate date, ZoneId zone) {
        return switch (this) {
            case NEVER -> null;
            case DATE -> date == null ? null : date.plusDays(1).atStartOfDay(zone).toInstant();
            default -> clock.instant().plus(Duration.ofDays(days));
        };
    }

    @Override
    public String toString() {
        return Messages.get("expiry." + name().toLowerCase(Locale.ROOT));
    }
}
