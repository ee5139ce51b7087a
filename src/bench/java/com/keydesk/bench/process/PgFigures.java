package com.keydesk.bench.process;

import com.keydesk.bench.PgJmhFigures;
import com.keydesk.testing.PgCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's figures, on a team store: a throwaway PostgreSQL cluster of this JVM (PgCluster, with
 * PostgreSQL's durable defaults: every commit flushed to disk, as a team's server runs) holding a
 * store of 100,000 demo keys made through the installed launcher, as the local stores are.
 * <ul>
 *   <li>create against one Argon2id hash, and verifying a key again: JMH ({@link PgJmhFigures});</li>
 *   <li>{@code keys list --json} through the installed launcher with {@code --store};</li>
 *   <li>the desktop app's first rows on that store ({@code UiScaleBench}, under Xvfb);</li>
 *   <li>how soon the desktop app sees another process's change ({@link ChangeSeen}).</li>
 * </ul>
 */
final class PgFigures {
    static final int KEYS = 100_000;

    private PgFigures() {
    }

    static void measure(AppImage app, Path bench, Path testClasses, Figures figures) throws Exception {
        if (!PgCluster.installed()) {
            System.out.println();
            System.out.println("!!! PostgreSQL's server programs are not installed: the pg_ figures are NOT measured.");
            System.out.println("!!! apt-get install postgresql (or set KEYDESK_PG_BIN), then run again.");
            System.out.println();
            return;
        }
        // every figure here is round trips between processes on a shared machine: say how busy it was
        figures.put("pg_load_average_1m_at_start", loadAverage());
        System.setProperty(PgCluster.DURABLE, "true");
        PgCluster cluster = PgCluster.get();
        String store = cluster.newDatabase();
        long start = System.nanoTime();
        Processes.run(cli(app, bench, store, "init", "--site", "Benchmark site", "--admin", DemoStores.ADMIN), null);
        Processes.run(cli(app, bench, store, "demo-data", "--keys", Integer.toString(KEYS)), null);
        System.out.printf(Locale.ROOT, "Made a team store of %,d demo keys (%s) in %.1f s%n", KEYS, store,
                (System.nanoTime() - start) / 1e9);
        analyze(cluster, store);

        cliList(app, store, bench, figures);
        try (VirtualDisplay display = VirtualDisplay.start()) {
            desktopTables(app, store, testClasses, bench, display, figures);
            ChangeSeen.measure(app, store, testClasses, bench, display, figures);
        }
        figures.putAll(PgJmhFigures.measure(store, cluster::newDatabase, bench));
        figures.put("pg_load_average_1m_at_end", loadAverage());
    }

    /** The 1-minute load average (Linux), or -1 where there is none. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This step's stores are throwaway: what the installation remembers of them stays in the bench folder. */
    static void privateWitness(ProcessBuilder builder, Path bench) {
        builder.environment().put("KEYDESK_WITNESS_DIR", bench.resolve("pg-witness").toString());
    }

    /** What autovacuum would do a minute after a bulk load: the planner's statistics, the visibility map. */
    private static void analyze(PgCluster cluster, String store) {
        cluster.psql(PgCluster.databaseOf(store), "VACUUM ANALYZE");
    }

    /** {@code keys list --json} through the installed launcher: the median of 5 runs after one warm-up. */
    private static void cliList(AppImage app, String store, Path bench, Figures figures) throws Exception {
        Path out = bench.resolve("pg-keys-list-" + Figures.sizeLabel(KEYS) + ".json");
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run <= 5; run++) {
            long begin = System.nanoTime();
            Processes.run(cli(app, bench, store, "keys", "list", "--json"), out);
            if (run > 0) {
                seconds.add((System.nanoTime() - begin) / 1e9);
            }
        }
        String listed = Files.readString(out);
        int keys = listed.split("\"permission_set\":", -1).length - 1;
        if (keys < KEYS) {
            throw new IllegalStateException("keys list --json listed " + keys + " keys of a team store of " + KEYS);
        }
        figures.put("pg_cli_list_json_s_" + Figures.sizeLabel(KEYS) + "_keys", Figures.median(seconds));
        System.out.printf(Locale.ROOT, "team store keys list --json, %,d keys: %s s%n", KEYS, seconds);
    }

    /**
     * UiScaleBench on the team store, as ProcessFigures runs it on a local one: Sign in pressed to the
     * first rows, then the filter keystrokes and the peak memory, recorded here too for comparison.
     */
    private static void desktopTables(AppImage app, String store, Path testClasses, Path bench, VirtualDisplay display,
                                      Figures figures) throws Exception {
        String listed = Files.readString(bench.resolve("pg-keys-list-" + Figures.sizeLabel(KEYS) + ".json"));
        int userKeys = listed.split("\"type\": \"user\"", -1).length - 1;
        ProcessBuilder builder = new ProcessBuilder(app.desktop().javaCommand(testClasses.toString(), "com.keydesk.bench.UiScaleBench",
                List.of(store, DemoStores.ADMIN, DemoStores.PASSWORD, Integer.toString(userKeys))));
        builder.environment().put("DISPLAY", display.name());
        privateWitness(builder, bench);
        Path out = bench.resolve("pg-ui-" + Figures.sizeLabel(KEYS) + ".json");
        Processes.run(builder, out);
        String json = Files.readString(out);
        System.out.printf("team store desktop tables, %,d keys: %s", KEYS, json);
        Map<String, Double> ui = Figures.parse(json);
        String suffix = "_" + Figures.sizeLabel(KEYS) + "_keys";
        figures.put("pg_first_rows_ms" + suffix, ui.get("first_rows_ms"));
        figures.put("pg_main_window_ms" + suffix, ui.get("main_window_ms"));
        figures.put("pg_filter_keystroke_p95_ms" + suffix, ui.get("filter_keystroke_p95_ms"));
        figures.put("pg_rss_mb" + suffix, ui.get("peak_rss_mb"));
    }

    /** The installed command line on the team store, signed in as the benchmark administrator. */
    static ProcessBuilder cli(AppImage app, Path bench, String store, String... words) {
        List<String> command = new ArrayList<>(List.of(app.launcher().toString(), "--store", store));
        command.addAll(List.of(words));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("KEYDESK_USER", DemoStores.ADMIN);
        env.put("KEYDESK_PASSWORD", DemoStores.PASSWORD);
        env.remove("KEYDESK_STORE");
        env.remove("KEYDESK_HOME");
        privateWitness(builder, bench);
        return builder;
    }
}
