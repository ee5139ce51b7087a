package com.keydesk.domain;

import java.util.Locale;

/** What a key can do right now. Expiry wins over disabled: an expired key can never come back. */
public enum KeyStatus {
    ACTIVE,
    DISABLED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyStatus parse(String text) {
        for (KeyStatus status : values()) {
            if (status.wireName().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new ValidationException("status", "Unknown status \"" + Texts.printable(text)
                + "\". Choose one of: active, disabled, expired.");
    }
}
