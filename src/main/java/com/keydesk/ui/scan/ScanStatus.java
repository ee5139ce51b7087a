package com.keydesk.ui.scan;

import com.keydesk.service.LeakService.FoundKey;
import com.keydesk.ui.Messages;

import java.util.Locale;

/** A finding's badge: what the key is now, as far as the signed-in person may know. */
public enum ScanStatus {
    ACTIVE, DISABLED, EXPIRED, OWNER_DEACTIVATED, UNKNOWN, REVOKED, REPLACED;

    static ScanStatus of(FoundKey key) {
        if (key.status() == null) {
            return UNKNOWN;
        }
        return switch (key.status()) {
            case ACTIVE -> ACTIVE;
            case DISABLED -> DISABLED;
            case EXPIRED -> EXPIRED;
            case OWNER_DEACTIVATED -> OWNER_DEACTIVATED;
        };
    }

    /** Works now, or again once its owner is activated: worth revoking. */
    boolean live() {
        return this == ACTIVE || this == OWNER_DEACTIVATED;
    }

    public String text() {
        return Messages.get("scan.status." + name().toLowerCase(Locale.ROOT));
    }

    public String styleClass() {
        return switch (this) {
            case ACTIVE, OWNER_DEACTIVATED -> "badge-leaked";
            case DISABLED, UNKNOWN -> "badge-disabled";
            case EXPIRED -> "badge-expired";
            case REVOKED, REPLACED -> "badge-active";
        };
    }
}
