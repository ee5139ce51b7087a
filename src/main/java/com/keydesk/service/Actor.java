package com.keydesk.service;

import com.keydesk.domain.User;

/**
 * The acting user as just read from the store, within the current transaction. A request made
 * with a site-wide API key acts as an administrator of the site that is no user of it:
 * {@code siteKey} is then true and the user a stand-in named after the key (see {@link KeyActor}).
 */
record Actor(User user, boolean siteKey) {
    Actor(User user) {
        this(user, false);
    }

    boolean isAdmin() {
        return user.admin();
    }

    long id() {
        return user.id();
    }

    String username() {
        return user.username();
    }

    /** The user recorded as a new key's creator: none for a site-wide key's stand-in. */
    Long creatorId() {
        return siteKey ? null : user.id();
    }
}
