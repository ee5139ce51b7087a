package com.keydesk.ui.keys;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyType;

/** Which keys a table shows. The service already limits a non-administrator to their own keys. */
public enum KeyScope {
    SITE_KEYS, USER_KEYS, MY_KEYS;

    public boolean includes(ApiKey key) {
        return switch (this) {
            case SITE_KEYS -> key.type() == KeyType.SITE;
            case USER_KEYS -> key.type() == KeyType.USER;
            case MY_KEYS -> true;
        };
    }

    public KeyType typeCreated() {
        return this == SITE_KEYS ? KeyType.SITE : KeyType.USER;
    }

    public boolean showsOwner() {
        return this == USER_KEYS;
    }
}
