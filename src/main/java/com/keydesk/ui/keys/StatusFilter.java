package com.keydesk.ui.keys;

import com.keydesk.ui.Messages;

import com.keydesk.ui.keys.text.DisplayStatus;
import java.util.Locale;

/** The status choices above a key table. */
public enum StatusFilter {
    ALL, ACTIVE, EXPIRING_SOON, DISABLED, EXPIRED, OWNER_DEACTIVATED, NEEDS_ATTENTION;

    public boolean accepts(DisplayStatus status) {
        return switch (this) {
            case ALL -> true;
            case ACTIVE -> status.works();
            case EXPIRING_SOON -> status == DisplayStatus.EXPIRING_SOON;
            case DISABLED -> status == DisplayStatus.DISABLED;
            case EXPIRED -> status == DisplayStatus.EXPIRED;
            case OWNER_DEACTIVATED -> status == DisplayStatus.OWNER_DEACTIVATED;
            case NEEDS_ATTENTION -> status == DisplayStatus.EXPIRING_SOON || status == DisplayStatus.EXPIRED;
        };
    }

    @Override
    public String toString() {
        return Messages.get("filter." + name().toLowerCase(Locale.ROOT));
    }
}
