package com.keydesk.bench.process;

import com.keydesk.testing.PgCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 16 item 3's figures: the desktop app on a team store of a million keys (the size a platform
 * holds on PostgreSQL, its tables read a page at a time), against the same app on a team store of
 * 1,000 keys in the same run, so that the machine cancels out. Both stores are made through the
 * installed launcher's {@code demo-data} on this JVM's throwaway cluster and measured by
 * {@code UiScaleBench} under Xvfb with the launcher's options: Sign in pressed to the first rows,
 * the filter keystrokes on the user keys (at a million, each keystroke's page comes from the store),
 * and the peak resident memory.
 * <p>
 * Into results.json: {@code first_rows_ms_1m_keys}, {@code filter_keystroke_p95_ms_1m_keys},
 * {@code filter_keystroke_median_ms_1m_keys}, {@code rss_mb_1m_keys}, the same of the reference as
 * {@code pg_…_1k_keys}, {@code first_rows_ratio_1m_vs_1k_keys} and
 * {@code filter_keystroke_p95_ratio_1m_vs_1k_keys} (against the team store of 1,000: the same
 * engine), and {@code pg_demo_data_s_1m_keys}, how long making the store took.
 * <p>
 * Making the million takes minutes; {@code -Dbench.million.store=URL -Dbench.million.password=…}
 * measures a million-key team store made before (by {@code init --admin admin} and {@code demo-data}),
 * which the step then leaves as it found it.
 */
final class MillionKeyFigures {
    static final int REFERENCE = 1_000;
    static final int KEYS = 1_000_000;

    private MillionKeyFigures() {
    }

    static void measure(AppImage app, Path bench, Path testClasses, Figures figures) throws Exception {
        if (!PgCluster.installed()) {
            System.out.println();
            System.out.println("!!! PostgreSQL's server programs are not installed: the million-key figures are NOT measured.");
            System.out.println();
            return;
        }
        System.setProperty(PgCluster.DURABLE, "true");
        PgCluster cluster = PgCluster.get();
        try (VirtualDisplay display = VirtualDisplay.start()) {
            // the million first: the reference then meets a machine no colder than the million did
            for (int size : new int[] {KEYS, REFERENCE}) {
                String given = size == KEYS ? System.getProperty("bench.million.store", "").strip() : "";
                String store = given.isEmpty() ? make(app, bench, cluster, size, figures) : given;
                Map<String, Double> ui = desktopTables(app, store, size, testClasses, bench, display,
                        given.isEmpty() ? DemoStores.PASSWORD : System.getProperty("bench.million.password"));
                String prefix = size == KEYS ? "" : "pg_";
                String suffix = "_" + Figures.sizeLabel(size) + "_keys";
                figures.put(prefix + "first_rows_ms" + suffix, ui.get("first_rows_ms"));
                figures.put(prefix + "main_window_ms" + suffix, ui.get("main_window_ms"));
                figures.put(prefix + "filter_keystroke_p95_ms" + suffix, ui.get("filter_keystroke_p95_ms"));
                figures.put(prefix + "filter_keystroke_median_ms" + suffix, ui.get("filter_keystroke_median_ms"));
                figures.put(prefix + "filter_count_median_ms" + suffix, ui.get("filter_count_median_ms"));
                figures.put(prefix + "rss_mb" + suffix, ui.get("peak_rss_mb"));
                if (given.isEmpty()) {
                    cluster.psql("postgres", "DROP DATABASE " + PgCluster.databaseOf(store));   // a million keys: 1 GB of disk
                }
            }
        }
        ratio(figures, "first_rows_ratio_1m_vs_1k_keys", "first_rows_ms_1m_keys", "pg_first_rows_ms_1k_keys");
        ratio(figures, "filter_keystroke_p95_ratio_1m_vs_1k_keys", "filter_keystroke_p95_ms_1m_keys",
                "pg_filter_keystroke_p95_ms_1k_keys");
    }

    /** A team store of {@code size} demo keys made through the installed launcher, as autovacuum leaves it. */
    private static String make(AppImage app, Path bench, PgCluster cluster, int size, Figures figures) throws Exception {
        String store = cluster.newDatabase();
        long start = System.nanoTime();
        Processes.run(PgFigures.cli(app, bench, store, "init", "--site", "Benchmark site", "--admin", DemoStores.ADMIN), null);
        Processes.run(PgFigures.cli(app, bench, store, "demo-data", "--keys", Integer.toString(size)), null);
        double made = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Made a team store of %,d demo keys in %.1f s%n", size, made);
        if (size == KEYS) {
            figures.put("pg_demo_data_s_1m_keys", made);
        }
        cluster.psql(PgCluster.databaseOf(store), "VACUUM ANALYZE");   // what autovacuum does after a bulk load
        return store;
    }

    private static Map<String, Double> desktopTables(AppImage app, String store, int size, Path testClasses, Path bench,
                                                     VirtualDisplay display, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(app.desktop().javaCommand(testClasses.toString(), "com.keydesk.bench.UiScaleBench",
                List.of(store, DemoStores.ADMIN, password, "0")));
        builder.environment().put("DISPLAY", display.name());
        PgFigures.privateWitness(builder, bench);
        Path out = bench.resolve("pg-ui-" + Figures.sizeLabel(size) + ".json");
        Processes.run(builder, out);
        String json = Files.readString(out);
        System.out.printf("team store desktop tables, %,d keys: %s", size, json);
        return Figures.parse(json);
    }

    private static void ratio(Figures figures, String name, String at, String reference) {
        Double value = figures.get(at);
        Double ref = figures.get(reference);
        if (value != null && ref != null && ref > 0) {
            figures.put(name, value / ref);
        }
    }
}
