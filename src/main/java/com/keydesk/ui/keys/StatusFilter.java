package com.keydesk.ui.keys;

import com.keydesk.domain.KeyStatusFilter;
import com.keydesk.ui.Messages;

import com.keydesk.ui.keys.text.DisplayStatus;
import java.util.Locale;

/** The status choices above a key table, named for people; the rule is {@link KeyStatusFilter}'s. */
public enum StatusFilter {
    ALL, ACTIVE, EXPIRING_SOON, DISABLED, EXPIRED, OWNER_DEACTIVATED, NEEDS_ATTENTION;

    /** The rule, as the store applies it to a paged table: {@link KeyStatusFilter}. */
    public KeyStatusFilter rule() {
        return KeyStatusFilter.valueOf(name());
    }

    public boolean accepts(DisplayStatus status) {
        return rule().accepts(status.condition());
    }

    @Override
    public String toString() {
        return Messages.get("filter." + name().toLowerCase(Locale.ROOT));
    }
}
