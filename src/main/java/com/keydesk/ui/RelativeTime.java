package com.keydesk.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** "3 days ago", "in 2 hours", "Never"; the exact local time for tooltips and details. */
public final class RelativeTime {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private RelativeTime() {
    }

    public static String relative(Instant when, Instant now) {
        if (when == null) {
            return Messages.get("time.never");
        }
        Duration between = Duration.between(now, when);
        boolean future = !between.isNegative();
        Duration size = between.abs();
        String amount;
        if (size.toMinutes() < 1) {
            return Messages.get("time.now");
        } else if (size.toHours() < 1) {
            amount = Messages.format("time.minutes", size.toMinutes());
        } else if (size.toDays() < 1) {
            amount = Messages.format("time.hours", size.toHours());
        } else if (size.toDays() < 60) {
            amount = Messages.format("time.days", size.toDays());
        } else {
            return date(when);
        }
        return Messages.format(future ? "time.future" : "time.past", amount);
    }

    public static String exact(Instant when) {
        return when == null ? Messages.get("time.never") : EXACT.withZone(ZoneId.systemDefault()).format(when);
    }

    public static String date(Instant when) {
        return when == null ? Messages.get("time.never") : DATE.withZone(ZoneId.systemDefault()).format(when);
    }
}
