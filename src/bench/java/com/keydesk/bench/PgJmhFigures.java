package com.keydesk.bench;

import org.openjdk.jmh.runner.RunnerException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The in-process figures of a team store (issue 13), through JMH as {@link JmhFigures} takes the
 * local ones: create against one Argon2id hash in three rounds, each pair measured back to back and
 * the order swapped every other round (the ratio is the median of the rounds' ratios), and the
 * repeated verification once per round (the median of the three medians). PgFigures runs this in
 * the process half, where the bench's PostgreSQL cluster and its 100,000-key store live.
 */
public final class PgJmhFigures {
    private static final int ROUNDS = 3;
    private static final String REPEAT = PgVerifyRepeatBench.class.getName() + ".verifyAgain";
    private static final String CREATE = PgCreateBench.class.getName() + ".create";
    /**
     * Ten one-second warm-up iterations instead of the local figures' two: a call to a team store
     * mostly waits for the server, so a second holds a tenth of the calls it holds on H2, and the
     * JIT, sharing two cores with the server and everything else, needs them all. After 2 s the
     * repeated verification still took 4 ms (median, load 8); after 10 s, 0.6 ms.
     */
    private static final int WARM_UPS = 10;

    private PgJmhFigures() {
    }

    /**
     * @param verifyStore   the URL of the team store of 100,000 demo keys (the admin of {@link BenchStores})
     * @param emptyDatabase makes a new empty database and gives its URL: one per create fork, so each
     *                      creates into the same small store, as the local create does
     */
    public static Map<String, Double> measure(String verifyStore, Supplier<String> emptyDatabase, Path out)
            throws RunnerException {
        System.setProperty("keydesk.bench.dir", out.toString());
        List<Double> creates = new ArrayList<>();
        List<Double> hashes = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> repeats = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean hashFirst = round % 2 == 0;
            double hash = 0;
            if (hashFirst) {
                hash = JmhFigures.median(JmhFigures.ARGON2, Map.of(), WARM_UPS, out);
            }
            double create = JmhFigures.median(CREATE, Map.of("store", emptyDatabase.get()), WARM_UPS, out);
            if (!hashFirst) {
                hash = JmhFigures.median(JmhFigures.ARGON2, Map.of(), WARM_UPS, out);
            }
            double repeat = JmhFigures.median(REPEAT, Map.of("store", verifyStore), WARM_UPS, out);
            creates.add(create);
            hashes.add(hash);
            ratios.add(create / hash);
            repeats.add(repeat);
            System.out.printf(Locale.ROOT, "team store round %d: create %.3f ms, one Argon2id %.3f ms (ratio %.3f),"
                    + " verify again %.4f ms%n", round + 1, create, hash, create / hash, repeat);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("pg_verify_repeat_median_ms", JmhFigures.middle(repeats));
        figures.put("pg_create_median_ratio_vs_one_argon2id", JmhFigures.middle(ratios));
        figures.put("pg_create_median_ms", JmhFigures.middle(creates));
        figures.put("pg_argon2id_hash_median_ms", JmhFigures.middle(hashes));
        System.out.println("team store per round: create/argon2id " + ratios + ", verify again " + repeats);
        return figures;
    }
}
