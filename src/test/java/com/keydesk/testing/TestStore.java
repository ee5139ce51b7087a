package com.keydesk.testing;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real store migrated by Flyway, with every service wired as the app wires them except for cheap
 * Argon2id parameters (test wiring only) and a settable clock. On the engine {@link TestEngine}
 * names: an H2 file in a temporary folder, or a fresh database on this JVM's {@link PgCluster},
 * which the folder stands for (so that {@link #reopen} finds the same one).
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

    /** The team store each folder stands for on PostgreSQL. */
    private static final Map<Path, TeamStore> TEAM_STORES = new ConcurrentHashMap<>();

    private TestStore(StoreAddress address, boolean existing) {
        this.db = existing ? Database.open(address) : Database.create(address);
        this.services = Services.over(db, CHEAP, clock, new SecureRandom());
        this.admin = existing ? services.auth().signIn(ADMIN, ADMIN_PASSWORD.toCharArray())
                : services.setup().initialise("Acme", ADMIN, ADMIN_PASSWORD.toCharArray());
    }

    public static TestStore in(Path folder) {
        return new TestStore(newAddress(folder), false);
    }

    /** The store {@link #in} made in this folder, opened again and the administrator signed in. */
    public static TestStore reopen(Path folder) {
        return new TestStore(address(folder), true);
    }

    /**
     * Where a new store for this folder goes, without making it: {@code folder/store} on H2, a new
     * empty database on PostgreSQL. For tests that call {@link Database#create} themselves.
     */
    public static StoreAddress newAddress(Path folder) {
        if (!TestEngine.postgresql()) {
            return new StoreAddress.Local(folder.resolve("store"));
        }
        Path key = folder.toAbsolutePath().normalize();
        TeamStore team = new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        if (TEAM_STORES.putIfAbsent(key, team) != null) {
            throw new IllegalStateException("a test store was already made for " + folder);
        }
        return team;
    }

    /** Where the store made for this folder is (see {@link #newAddress}). */
    public static StoreAddress address(Path folder) {
        if (!TestEngine.postgresql()) {
            return new StoreAddress.Local(folder.resolve("store"));
        }
        TeamStore team = TEAM_STORES.get(folder.toAbsolutePath().normalize());
        if (team == null) {
            throw new IllegalStateException("no test store was made for " + folder);
        }
        return team;
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
