package com.keydesk.domain;

import java.time.Instant;
import java.util.Locale;

/** What a key can do right now. Expiry wins over disabled: an expired key can never come back. */
public enum KeyStatus {
    ACTIVE,
    DISABLED,
    EXPIRED;

    /** The one rule: expired once its expiry has come, else disabled while its permission set is none. */
    public static KeyStatus of(PermissionSet permissionSet, Instant expiresAt, Instant now) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return permissionSet == PermissionSet.NONE ? DISABLED : ACTIVE;
    }

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
