package com.keydesk.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the in-process benchmarks through JMH and writes target/bench/jmh.json: one flat JSON object
 * of name → number, the goal ratios of issue 6 with the medians they come from, all from one run.
 * <p>
 * Settings, chosen for 2 cores shared with other builds: SampleTime records the time of single
 * calls, so a median comes straight from thousands of samples and a stall caused by a neighbour
 * moves it little (an average would carry it); one fork per benchmark (a fresh JVM, the same JIT
 * and heap conditions for each store size); 3 warm-up and 5 measured iterations of 2 s. The whole
 * run takes about 3 minutes, plus about 40 s once to make the 100,000-key store.
 * <p>
 * Usage: JmhFigures OUTPUT_FOLDER (./mvnw -Pbench verify passes target/bench).
 */
public final class JmhFigures {
    private static final int[] VERIFY_SIZES = {10, 1_000, 10_000, 100_000};

    private JmhFigures() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        System.setProperty("keydesk.bench.dir", out.toString());
        // made here, once, so that no benchmark JVM spends its time filling a store
        for (int size : VERIFY_SIZES) {
            BenchStores.ensureVerifyStore(size);
        }
        Files.createDirectories(out);
        Options options = new OptionsBuilder()
                .include(VerifyBench.class.getName() + "\\.")
                .include(VerifyRepeatBench.class.getName() + "\\.")
                .include(CreateBench.class.getName() + "\\.")
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .threads(1)
                .jvmArgs("--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-Dkeydesk.bench.dir=" + out,
                        "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true")
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh-raw.json").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Double> figures = figures(results);
        String json = toJson(figures);
        Files.writeString(out.resolve("jmh.json"), json);
        System.out.println(out.resolve("jmh.json") + ":\n" + json);
    }

    static Map<String, Double> figures(Collection<RunResult> results) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String keys = result.getParams().getParam("keys");
            double median = result.getPrimaryResult().getStatistics().getPercentile(50.0);
            medians.put(keys == null ? method : method + ":" + keys, median);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        double tenKeys = medians.get("verifyUnseenKey:10");
        double hundredK = medians.get("verifyUnseenKey:100000");
        figures.put("verify_median_ratio_100k_vs_10_keys", hundredK / tenKeys);
        figures.put("verify_repeat_median_ms", medians.get("verifyAgain"));
        figures.put("create_median_ratio_vs_one_argon2id", medians.get("create") / medians.get("argon2idHash"));
        figures.put("verify_median_ms_10_keys", tenKeys);
        figures.put("verify_median_ms_1k_keys", medians.get("verifyUnseenKey:1000"));
        figures.put("verify_median_ms_10k_keys", medians.get("verifyUnseenKey:10000"));
        figures.put("verify_median_ms_100k_keys", hundredK);
        figures.put("create_median_ms", medians.get("create"));
        figures.put("argon2id_hash_median_ms", medians.get("argon2idHash"));
        return figures;
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
