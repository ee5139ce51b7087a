package com.keydesk.testing;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * A real H2 file store in a temporary folder, migrated by Flyway, with every service wired as the
 * app wires them except for cheap Argon2id parameters (test wiring only) and a settable clock.
 */
public final class TestStore implements AutoCloseable {
    /** Far below the shipped cost: tests only. */
    public static final Argon2Params CHEAP = new Argon2Params(256, 1, 1);
    public static final String ADMIN = "alice";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";

    public final Database db;
    public final MutableClock clock = new MutableClock();
    public final Services services;
    public final Session admin;

    private TestStore(Path folder, boolean existing) {
        this.db = existing ? Database.open(folder) : Database.create(folder);
        this.services = Services.over(db, CHEAP, clock, new SecureRandom());
        this.admin = existing ? services.auth().signIn(ADMIN, ADMIN_PASSWORD.toCharArray())
                : services.setup().initialise("Acme", ADMIN, ADMIN_PASSWORD.toCharArray());
    }

    public static TestStore in(Path folder) {
        return new TestStore(folder.resolve("store"), false);
    }

    /** The store {@link #in} made in this folder, opened again and the administrator signed in. */
    public static TestStore reopen(Path folder) {
        return new TestStore(folder.resolve("store"), true);
    }

    /** Adds a non-administrator and signs them in. */
    public Session addUser(String username) {
        services.users().add(admin, username, null, false, (username + " password 123").toCharArray());
        return services.auth().signIn(username, (username + " password 123").toCharArray());
    }

    public IssuedKey siteKey(String name) {
        return services.keys().create(admin, NewKey.site(name, null, null));
    }

    public void allowUsersToCreateKeys(boolean allowed) {
        services.site().setUsersCanCreateApiKeys(admin, allowed);
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        db.close();
    }
}
