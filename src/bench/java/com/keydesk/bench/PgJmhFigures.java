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
 * The in-process figures of a team store (issue 13): create against one Argon2id hash taking turns
 * call by call in one JVM ({@link CreateTurns}, as the local store's), and the repeated
 * verification through JMH as {@link JmhFigures} takes the local one, in three rounds (the median
 * of the three medians). PgFigures runs this in
 * the process half, where the bench's PostgreSQL cluster and its 100,000-key store live.
 */
public final class PgJmhFigures {
    private static final int ROUNDS = 3;
    private static final String REPEAT = PgVerifyRepeatBench.class.getName() + ".verifyAgain";
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
        List<Double> repeats = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double repeat = JmhFigures.median(REPEAT, Map.of("store", verifyStore), WARM_UPS, out);
            repeats.add(repeat);
            System.out.printf(Locale.ROOT, "team store round %d: verify again %.4f ms%n", round + 1, repeat);
        }
        CreateTurns.Result create;
        try {
            create = CreateTurns.inFork("team", emptyDatabase.get(), out);
        } catch (java.io.IOException e) {
            throw new RunnerException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("interrupted", e);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("pg_verify_repeat_median_ms", JmhFigures.middle(repeats));
        figures.putAll(CreateTurns.figures("pg_", create));
        System.out.println("team store: create/argon2id per round, taking turns " + create.roundRatios()
                + ", verify again " + repeats);
        return figures;
    }
}
