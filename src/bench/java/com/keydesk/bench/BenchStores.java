package com.keydesk.bench;

import com.keydesk.app.QuietLogging;
import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real on-disk stores the benchmarks run on, under target/bench/jmh, made through the services
 * with the shipped Argon2id parameters. A verify store of N keys holds N - 10 demo-data filler keys
 * (cheap hashes, made once and reused by later runs) and 10 real site keys; the real keys get new
 * secrets in every benchmark JVM (secrets are never stored, so a later run cannot know old ones).
 */
final class BenchStores {
    static final String ADMIN = "admin";
    static final String PASSWORD = "benchmark admin password";
    static final int REAL_KEYS = 10;
    private static final String REAL_KEY_NAME = "Bench verify key ";
    /** Written after a store is complete: a run killed while filling leaves none, and the store is made again. */
    private static final String COMPLETE = "bench-store-complete";

    static {
        QuietLogging.install();
    }

    private BenchStores() {
    }

    /** An open store with the shipped Argon2id cost and a signed-in administrator. */
    record Opened(Database db, Services services, Session admin) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    static Path dir() {
        return Path.of(System.getProperty("keydesk.bench.dir", "target/bench")).toAbsolutePath().resolve("jmh");
    }

    static Path verifyStore(int keys) {
        return dir().resolve("verify-" + keys);
    }

    /** Makes the verify store of this size unless a complete one is already there. */
    static void ensureVerifyStore(int keys) {
        Path folder = verifyStore(keys);
        if (Files.exists(folder.resolve(COMPLETE))) {
            return;
        }
        deleteRecursively(folder);
        long start = System.nanoTime();
        try (Opened store = create(folder)) {
            int filler = keys - REAL_KEYS;
            if (filler > 0) {
                store.services().demoData().fill(store.admin(), filler, Math.max(1, filler / 100));
            }
            freshRealKeys(store);
        }
        touch(folder.resolve(COMPLETE));
        System.out.printf("Made %s (%d keys) in %.1f s%n", folder, keys, (System.nanoTime() - start) / 1e9);
    }

    /** A new, empty store in the folder (anything there before is deleted). */
    static Opened createFresh(Path folder) {
        deleteRecursively(folder);
        return create(folder);
    }

    private static Opened create(Path folder) {
        return create(new StoreAddress.Local(folder));
    }

    /** A team store on PostgreSQL (libpq URL, no password: the bench cluster trusts 127.0.0.1). */
    static TeamStore teamStore(String url) {
        return new TeamStore(PgAddress.parse(url, "postgres"), null);
    }

    /** A new store in the empty PostgreSQL database at {@code url}. */
    static Opened createTeam(String url) {
        return create(teamStore(url));
    }

    /** Opens the team store at {@code url} (made by {@code keydesk init}), as {@link #open(Path, int)} does. */
    static Opened openTeam(String url, int verifiedKeys) {
        return open(Database.open(teamStore(url)), verifiedKeys);
    }

    private static Opened create(StoreAddress address) {
        Database db = Database.create(address);
        Services services = Services.over(db, Argon2Params.SHIPPED, Clock.systemUTC(), new SecureRandom());
        return new Opened(db, services, services.setup().initialise("Benchmark site", ADMIN, PASSWORD.toCharArray()));
    }

    /** Opens a store made here, remembering at most {@code verifiedKeys} verified keys (0: none). */
    static Opened open(Path folder, int verifiedKeys) {
        return open(Database.open(folder), verifiedKeys);
    }

    private static Opened open(Database db, int verifiedKeys) {
        Services services = Services.over(db, Argon2Params.SHIPPED, Clock.systemUTC(), new SecureRandom(), verifiedKeys);
        return new Opened(db, services, services.auth().signIn(ADMIN, PASSWORD.toCharArray()));
    }

    /**
     * Gives the store's {@value #REAL_KEYS} real keys new secrets (replacing them, so the number of
     * keys stays the same; creating them the first time) and returns those secrets, held in memory only.
     */
    static List<String> freshRealKeys(Opened store) {
        List<ApiKey> existing = store.services().keys().list(store.admin()).stream().filter(k -> k.type() == KeyType.SITE)
                .filter(k -> k.name().startsWith(REAL_KEY_NAME))
                .sorted(Comparator.comparing(ApiKey::name))
                .toList();
        List<String> secrets = new ArrayList<>();
        for (ApiKey key : existing) {
            secrets.add(store.services().keys().replace(store.admin(), key.id()).secret().reveal());
        }
        for (int n = existing.size() + 1; n <= REAL_KEYS; n++) {
            secrets.add(store.services().keys().create(store.admin(), NewKey.site(REAL_KEY_NAME + n, null, null))
                    .secret().reveal());
        }
        return secrets;
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "made by BenchStores\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
