package com.keydesk.service;

import com.keydesk.domain.User;

/** The acting user as just read from the store, within the current transaction. */
record Actor(User user) {
    boolean isAdmin() {
        return user.admin();
    }

    long id() {
        return user.id();
    }

    String username() {
        return user.username();
    }
}
