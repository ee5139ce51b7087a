package com.keydesk.bench;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.domain.NewKey;
import com.keydesk.service.Services;
import com.keydesk.service.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Creating a key against one Argon2id hash, taking turns call by call in one JVM: each pair is a
 * create and a bare hash with the same parameters, one right after the other (the order swapped
 * every other pair), so a neighbour's load, the CPU's clock and the JIT meet both sides alike.
 * JMH measured each in a fork of its own, seconds apart: on a busy machine the ratio then said
 * more about the load than about creation (1.0 to 1.6 between rounds of one run).
 * <p>
 * After {@value #WARM_UP_CREATES} creates with a cheap hash and {@value #WARM_UP_SECONDS} s of
 * pairs, {@value #ROUNDS} rounds of {@value #PAIRS} pairs;
 * a round's ratio is its median create over its median hash, the figure the median of the rounds'.
 * Run in a JVM of its own ({@link #inFork}), the store new and empty (local) or a new database
 * (team store). Prints one line: {@code create_ms hash_ms ratio}.
 * Arguments: {@code local FOLDER} or {@code team URL}.
 */
public final class CreateTurns {
    static final int WARM_UP_CREATES = 3_000;
    static final int WARM_UP_SECONDS = 4;
    private static final Argon2Params WARM_UP_PARAMS = new Argon2Params(8, 1, 1);
    static final int ROUNDS = 3;
    static final int PAIRS = 60;
    private static final char[] SECRET = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f".toCharArray();

    /** The figures of one run, in ms. */
    record Result(double createMs, double hashMs, double ratio, List<Double> roundRatios) {
    }

    public static void main(String[] args) {
        BenchStores.Opened store = args[0].equals("team") ? BenchStores.createTeam(args[1])
                : BenchStores.createFresh(Path.of(args[1]));
        try {
            Argon2idHasher hasher = new Argon2idHasher(Argon2Params.SHIPPED);
            int[] created = {0};
            Runnable create = () -> store.services().keys().create(store.admin(),
                    NewKey.site("Bench create " + ++created[0], null, null));
            Runnable hash = () -> hasher.hash(SECRET.clone());   // hash() wipes what it is given
            // The JIT first: creation's own code runs a few thousand times with a cheap hash (the same
            // services over the same store, Argon2id parameters apart). Warmed by pairs alone (about
            // 100 creates in 8 s), its statements were still partly interpreted: a cheap create took
            // 5.5 ms against 1.7-2.5 ms warm, and the ratio read 1.28 instead of 1.12.
            Services cheap = Services.over(store.db(), WARM_UP_PARAMS, Clock.systemUTC(), new SecureRandom());
            Session cheapAdmin = cheap.auth().signIn(BenchStores.ADMIN, BenchStores.PASSWORD.toCharArray());
            for (int i = 0; i < WARM_UP_CREATES; i++) {
                cheap.keys().create(cheapAdmin, NewKey.site("Bench warm-up " + i, null, null));
            }
            long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
            while (System.nanoTime() < warmUpEnd) {
                create.run();
                hash.run();
            }
            List<Double> creates = new ArrayList<>();
            List<Double> hashes = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<Double> roundCreates = new ArrayList<>();
                List<Double> roundHashes = new ArrayList<>();
                for (int pair = 0; pair < PAIRS; pair++) {
                    if (pair % 2 == 0) {
                        roundCreates.add(timed(create));
                        roundHashes.add(timed(hash));
                    } else {
                        roundHashes.add(timed(hash));
                        roundCreates.add(timed(create));
                    }
                }
                double c = JmhFigures.middle(roundCreates);
                double h = JmhFigures.middle(roundHashes);
                creates.add(c);
                hashes.add(h);
                ratios.add(c / h);
            }
            System.out.printf(Locale.ROOT, "%.4f %.4f %.4f %s%n", JmhFigures.middle(creates), JmhFigures.middle(hashes),
                    JmhFigures.middle(ratios), ratios);
        } finally {
            store.close();
        }
    }

    private static double timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Runs {@link #main} in a JVM of its own, with the JMH forks' options, and reads its line. */
    static Result inFork(String kind, String where, Path benchDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-Dkeydesk.bench.dir=" + benchDir,
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
                "-cp", System.getProperty("java.class.path"), CreateTurns.class.getName(), kind, where));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0 || line.isEmpty()) {
            throw new IOException("CreateTurns " + kind + " failed (exit " + process.exitValue() + ")");
        }
        String lastLine = line.lines().reduce((a, b) -> b).orElseThrow();
        String[] parts = lastLine.split(" ", 4);
        List<Double> rounds = new ArrayList<>();
        for (String r : parts[3].replaceAll("[\\[\\]]", "").split(",")) {
            rounds.add(Double.parseDouble(r.strip()));
        }
        return new Result(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), rounds);
    }

    /** The figures under names with this prefix ("" for the local store, "pg_" for a team store). */
    static Map<String, Double> figures(String prefix, Result result) {
        Map<String, Double> figures = new java.util.LinkedHashMap<>();
        figures.put(prefix + "create_median_ratio_vs_one_argon2id", result.ratio());
        figures.put(prefix + "create_median_ms", result.createMs());
        figures.put(prefix + "argon2id_hash_median_ms", result.hashMs());
        return figures;
    }
}
