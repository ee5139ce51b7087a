package com.keydesk.ui.keys;

import com.keydesk.domain.KeyType;

/** Which keys a table shows. The service already limits a non-administrator to their own keys. */
public enum KeyScope {
    SITE_KEYS, USER_KEYS, MY_KEYS;

    /** The type the store is asked for; null: both (a non-administrator gets only their own anyway). */
    public KeyType queryType() {
        return switch (this) {
            case SITE_KEYS -> KeyType.SITE;
            case USER_KEYS -> KeyType.USER;
            case MY_KEYS -> null;
        };
    }

    public KeyType typeCreated() {
        return this == SITE_KEYS ? KeyType.SITE : KeyType.USER;
    }

    public boolean showsOwner() {
        return this == USER_KEYS;
    }
}
