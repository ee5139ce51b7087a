package com.keydesk.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a key can do right now. Expiry wins over everything (an expired key can never come back),
 * then the key's own switch (disabled), then its owner: a user key whose own state would let it
 * work does not while its owner is deactivated.
 */
public enum KeyStatus {
    ACTIVE,
    DISABLED,
    EXPIRED,
    /** Would work, but its owner is deactivated: it works again when they are activated. */
    OWNER_DEACTIVATED;

    /** The one rule: expired once its expiry has come, else disabled while its permission set is none, else its owner decides. */
    public static KeyStatus of(PermissionSet permissionSet, Instant expiresAt, boolean ownerActive, Instant now) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        if (permissionSet == PermissionSet.NONE) {
            return DISABLED;
        }
        return ownerActive ? ACTIVE : OWNER_DEACTIVATED;
    }

    /** Whether a key in this status authenticates (its other checks passing). */
    public boolean works() {
        return this == ACTIVE;
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
        throw new ValidationException("status", "Unknown status \"" + Texts.printable(text) + "\". Choose one of: "
                + Arrays.stream(values()).map(KeyStatus::wireName).collect(Collectors.joining(", ")) + ".");
    }
}
