package com.keydesk.ui.main;

import com.keydesk.ui.Messages;

import java.util.List;
import java.util.Locale;

/** The screens the navigation offers. */
public enum Section {
    SITE_KEYS("mdi2w-web"), USER_KEYS("mdi2a-account-key"), MY_KEYS("mdi2k-key-variant"),
    USERS("mdi2a-account-multiple"), SETTINGS("mdi2c-cog-outline"), AUDIT("mdi2c-clipboard-text-clock-outline"),
    SCAN("mdi2s-shield-search");

    private final String icon;

    Section(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public String text() {
        return Messages.get("nav." + name().toLowerCase(Locale.ROOT));
    }

    /** An administrator sees everything; anyone else sees only their own keys (and may scan for them). */
    public static List<Section> forRole(boolean admin) {
        return admin ? List.of(SITE_KEYS, USER_KEYS, USERS, SETTINGS, AUDIT, SCAN) : List.of(MY_KEYS, SCAN);
    }
}
