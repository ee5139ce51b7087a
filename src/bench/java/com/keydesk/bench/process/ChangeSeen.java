package com.keydesk.bench.process;

import com.keydesk.app.QuietLogging;
import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.TeamStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code pg_change_seen_by_other_app_ms_p95}: this JVM changes keys through its own services on the
 * team store while another process, the desktop app in its own runtime with the launcher's JVM
 * options ({@code AppChangeWatcher}), shows the site keys and hears the changes as it does for a
 * person: its ChangeFeed, ChangeService, the table's rows patched. Each change gives its key a name
 * of its own (three in four rename one of the 50 newest site keys, one in four creates a site key,
 * Argon2id hash included); the clock starts before the service call and stops when the app's line
 * saying a layout pulse ended with that name in its table arrives here. A pause of 50–250 ms between
 * changes; 10 changes warm up first, uncounted.
 */
final class ChangeSeen {
    private static final int WARM_UP = 10;
    private static final int CHANGES = 100;
    private static final long GIVE_UP_MS = 10_000;

    private ChangeSeen() {
    }

    static void measure(AppImage app, String store, Path testClasses, Path bench, VirtualDisplay display,
                        Figures figures) throws Exception {
        QuietLogging.install();
        ProcessBuilder other = new ProcessBuilder(app.desktop().javaCommand(testClasses.toString(),
                "com.keydesk.bench.AppChangeWatcher", List.of(store, DemoStores.ADMIN, DemoStores.PASSWORD)));
        other.environment().put("DISPLAY", display.name());
        PgFigures.privateWitness(other, bench);
        other.redirectError(bench.resolve("pg-change-watcher.err").toFile());
        Process watcher = other.start();
        ConcurrentHashMap<String, Long> seenAt = new ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    long now = System.nanoTime();
                    if (line.equals("ready")) {
                        ready.countDown();
                    } else if (line.startsWith("seen ")) {
                        seenAt.putIfAbsent(line.substring(5), now);
                    }
                }
            } catch (java.io.IOException ended) {
                // the watcher was stopped
            }
        });
        TeamStore team = new TeamStore(PgAddress.parse(store, "postgres"), null);
        try (Database db = Database.open(team)) {
            if (!ready.await(180, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the change watcher did not start; see " + bench.resolve("pg-change-watcher.err"));
            }
            Services services = Services.over(db, Argon2Params.SHIPPED, Clock.systemUTC(), new SecureRandom());
            Session admin = services.auth().signIn(DemoStores.ADMIN, DemoStores.PASSWORD.toCharArray());
            List<Long> siteKeys = services.keys().list(admin).stream()   // newest first
                    .filter(k -> k.type() == KeyType.SITE).limit(50).map(ApiKey::id).toList();
            List<Double> millis = new ArrayList<>();
            for (int n = 0; n < WARM_UP + CHANGES; n++) {
                String name = "Bench change " + n + "." + System.nanoTime();
                long start = System.nanoTime();
                if (n % 4 == 3) {
                    services.keys().create(admin, NewKey.site(name, null, null));
                } else {
                    services.keys().update(admin, siteKeys.get(n % siteKeys.size()), new KeyEdit(name, null, null, false));
                }
                long deadline = start + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS);
                while (!seenAt.containsKey(name)) {
                    if (System.nanoTime() > deadline || !watcher.isAlive()) {
                        throw new IllegalStateException("the other process did not see '" + name + "' within "
                                + GIVE_UP_MS + " ms; see " + bench.resolve("pg-change-watcher.err"));
                    }
                    Thread.onSpinWait();
                    Thread.sleep(0, 100_000);
                }
                if (n >= WARM_UP) {
                    millis.add((seenAt.get(name) - start) / 1e6);
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            figures.put("pg_change_seen_by_other_app_ms_p95", p95);
            figures.put("pg_change_seen_by_other_app_ms_median", Figures.median(millis));
            figures.put("pg_change_seen_by_other_app_ms_max", sorted.getLast());
            System.out.printf(Locale.ROOT, "team store change seen by another process, ms: median %.1f, p95 %.1f, max %.1f%n",
                    Figures.median(millis), p95, sorted.getLast());
        } finally {
            Processes.stop(watcher);
            reader.join(5_000);
        }
    }
}
