package com.keydesk.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the in-process benchmarks through JMH and writes target/bench/jmh.json: one flat JSON object
 * of name → number, the goal ratios of issue 6 with the medians they come from, all from one run.
 * <p>
 * Chosen for 2 cores shared with other builds:
 * <ul>
 *   <li>SampleTime: the time of single calls, so the median comes straight from hundreds of samples,
 *       and a stall caused by a neighbour moves it little (an average would carry it);</li>
 *   <li>one fork per benchmark: a fresh JVM, the same JIT and heap conditions for every store size;</li>
 *   <li>three rounds, each measuring every goal's subject right next to its reference (the order
 *       swapped in every other round), so both see the same load; a ratio is the median of the
 *       rounds' ratios and a raw figure the median of the rounds' medians. A load that comes and goes
 *       over minutes then moves both sides of a ratio instead of one.</li>
 * </ul>
 * 13 forks of about 12 s and CreateTurns (about 30 s): about 3.5 minutes on a loaded machine, plus about 45 s once to make the
 * 100,000-key store.
 * Usage: JmhFigures OUTPUT_FOLDER (./mvnw -Pbench verify passes target/bench); skipped with
 * -Dbench.only=scan, pg, api, tables, million or startup; -Dbench.only=create runs
 * only creation against one hash, on both engines ({@link #createOnly}).
 */
public final class JmhFigures {
    private static final int ROUNDS = 3;
    private static final String VERIFY = VerifyBench.class.getName() + ".verifyUnseenKey";
    private static final String REPEAT = VerifyRepeatBench.class.getName() + ".verifyAgain";

    /** One benchmark of the schedule: a method, and the store size for the verify benchmark. */
    private record Bench(String name, String method, Integer keys) {
    }

    private static final Bench VERIFY_10 = new Bench("verify_median_ms_10_keys", VERIFY, 10);
    private static final Bench VERIFY_100K = new Bench("verify_median_ms_100k_keys", VERIFY, 100_000);
    private static final Bench VERIFY_1K = new Bench("verify_median_ms_1k_keys", VERIFY, 1_000);
    private static final Bench VERIFY_10K = new Bench("verify_median_ms_10k_keys", VERIFY, 10_000);
    private static final Bench REPEAT_VERIFY = new Bench("verify_repeat_median_ms", REPEAT, null);

    /** Each pair: a reference and what is compared with it, measured one right after the other. */
    private static final List<List<Bench>> PAIRS = List.of(
            List.of(VERIFY_10, VERIFY_100K), List.of(VERIFY_1K, VERIFY_10K));

    private JmhFigures() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        String only = System.getProperty("bench.only", "all").strip();
        if (java.util.Set.of("scan", "pg", "api", "tables", "million", "startup").contains(only)) {
            System.out.println("bench.only=" + only + ": the JMH half is skipped.");
            return;
        }
        System.setProperty("keydesk.bench.dir", out.toString());
        if (only.equals("create")) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("jmh.json"), toJson(createOnly(out)));
            return;
        }
        // made here, once, so that no benchmark JVM spends its time filling a store
        for (int size : new int[]{10, 1_000, 10_000, 100_000}) {
            BenchStores.ensureVerifyStore(size);
        }
        Files.createDirectories(out);

        Map<Bench, List<Double>> medians = new LinkedHashMap<>();
        List<Double> verifyRatios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (List<Bench> pair : PAIRS) {
                List<Bench> order = round % 2 == 0 ? pair : pair.reversed();
                for (Bench bench : order) {
                    double median = median(bench, out);
                    medians.computeIfAbsent(bench, b -> new ArrayList<>()).add(median);
                    System.out.printf(Locale.ROOT, "round %d  %-28s %9.4f ms%n", round + 1, bench.name(), median);
                }
            }
            verifyRatios.add(last(medians, VERIFY_100K) / last(medians, VERIFY_10));
        }
        // the repeat has no reference to stay next to: measured once, after the rounds
        medians.put(REPEAT_VERIFY, List.of(median(REPEAT_VERIFY, out)));

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("verify_median_ratio_100k_vs_10_keys", middle(verifyRatios));
        figures.put("verify_repeat_median_ms", middle(medians.get(REPEAT_VERIFY)));
        // create against one hash: taking turns call by call in one JVM (CreateTurns says why not JMH)
        CreateTurns.Result create = CreateTurns.inFork("local", out.resolve("create-turns").toString(), out);
        System.out.println("create/argon2id per round, taking turns: " + create.roundRatios());
        figures.putAll(CreateTurns.figures("", create));
        for (Bench bench : List.of(VERIFY_10, VERIFY_1K, VERIFY_10K, VERIFY_100K)) {
            figures.put(bench.name(), middle(medians.get(bench)));
        }
        String json = toJson(figures);
        Files.writeString(out.resolve("jmh.json"), json);
        System.out.println("per round: verify 100k/10 " + verifyRatios);
        System.out.println(out.resolve("jmh.json") + ":\n" + json);
    }

    /**
     * {@code -Dbench.only=create}: creation against one hash alone, on both engines ({@link CreateTurns}
     * into a new local store, then into a new database of a throwaway PostgreSQL cluster with durable
     * settings, as the team store's figures take it), with the load average before and after each:
     * about 2 minutes, to measure a change to the create path without the rest of the bench.
     */
    private static Map<String, Double> createOnly(Path out) throws IOException, InterruptedException {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("create_load_average_1m_at_start", loadAverage());
        CreateTurns.Result local = CreateTurns.inFork("local", out.resolve("create-turns").toString(), out);
        System.out.println("local store: create/argon2id per round, taking turns " + local.roundRatios());
        figures.putAll(CreateTurns.figures("", local));
        if (!com.keydesk.testing.PgCluster.installed()) {
            System.out.println("!!! PostgreSQL's server programs are not installed: pg_create_ is NOT measured.");
        } else {
            System.setProperty(com.keydesk.testing.PgCluster.DURABLE, "true");
            com.keydesk.testing.PgCluster cluster = com.keydesk.testing.PgCluster.get();
            try {
                figures.put("pg_create_load_average_1m_at_start", loadAverage());
                CreateTurns.Result team = CreateTurns.inFork("team", cluster.newDatabase(), out);
                System.out.println("team store: create/argon2id per round, taking turns " + team.roundRatios());
                figures.putAll(CreateTurns.figures("pg_", team));
            } finally {
                cluster.stop();
            }
        }
        figures.put("create_load_average_1m_at_end", loadAverage());
        return figures;
    }

    /** The 1-minute load average (Linux), or -1 where there is none: these figures share the machine. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Runs one benchmark in its own fork and returns its median time per call in milliseconds. */
    private static double median(Bench bench, Path out) throws RunnerException {
        return median(bench.method(), bench.keys() == null ? Map.of() : Map.of("keys", bench.keys().toString()), 2, out);
    }

    /**
     * Runs the benchmark method with these {@code @Param} values in its own fork, after {@code warmups}
     * one-second warm-up iterations: its median time per call in ms.
     */
    static double median(String method, Map<String, String> params, int warmups, Path out) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + method.replace(".", "\\.") + "$")
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(4)
                .measurementTime(TimeValue.seconds(1))
                .threads(1)
                .jvmArgs("--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-Dkeydesk.bench.dir=" + out,
                        "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true")
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
        params.forEach(options::param);
        RunResult result = new Runner(options.build()).runSingle();
        return result.getPrimaryResult().getStatistics().getPercentile(50.0);
    }

    private static double last(Map<Bench, List<Double>> medians, Bench bench) {
        return medians.get(bench).getLast();
    }

    static double middle(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String toJson(Map<String, Double> figures) {
        StringBuilder json = new StringBuilder("{\n");
        int n = 0;
        for (Map.Entry<String, Double> figure : figures.entrySet()) {
            json.append("  \"").append(figure.getKey()).append("\": ")
                    .append(String.format(Locale.ROOT, "%.4f", figure.getValue()))
                    .append(++n < figures.size() ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }
}
