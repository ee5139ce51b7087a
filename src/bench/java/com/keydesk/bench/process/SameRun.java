package com.keydesk.bench.process;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Figures taken against a reference from the same run, so that a slower or busier machine can
 * neither hide nor fake a regression (issue 16): the desktop tables and {@code keys list --json}
 * at each size against the same at the smallest size, and the machine itself as one Argon2id hash.
 * The absolute figures stay beside the ratios in results.json.
 */
final class SameRun {
    private SameRun() {
    }

    /** One turn of {@link #inTurns}: {@code size} measured in {@code round} (0 first). */
    @FunctionalInterface
    interface Turn {
        void take(int round, int size) throws Exception;
    }

    /**
     * Every size once a round, the order reversed every round (1,000 then 100,000, then 100,000 then
     * 1,000, …), so that a machine that slows or speeds up during the run meets every size alike and
     * a ratio between sizes compares sizes, not moments.
     */
    static void inTurns(Collection<Integer> sizes, int rounds, Turn turn) throws Exception {
        List<Integer> order = new ArrayList<>(sizes);
        for (int round = 0; round < rounds; round++) {
            for (int size : order) {
                turn.take(round, size);
            }
            Collections.reverse(order);
        }
    }

    /** One Argon2id hash with the shipped parameters, median of 15 after 5 to warm up: which machine this was. */
    static double argon2idHashMs() {
        Argon2idHasher hasher = new Argon2idHasher(Argon2Params.SHIPPED);
        char[] secret = "a benchmark's throwaway secret".toCharArray();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            hasher.hash(secret);
            if (i >= 5) {
                samples.add((System.nanoTime() - start) / 1e6);
            }
        }
        return Figures.median(samples);
    }

    /**
     * For every size above the smallest: {@code <figure>_ratio_<size>_vs_<smallest>_keys} for the
     * first rows, the filter keystroke (p95) and {@code keys list --json}. Nothing when only one
     * size was measured.
     */
    static void ratios(Figures figures, int[] sizes) {
        int smallest = java.util.Arrays.stream(sizes).min().orElseThrow();
        for (int size : sizes) {
            if (size == smallest) {
                continue;
            }
            ratio(figures, "first_rows", "first_rows_ms", size, smallest);
            ratio(figures, "filter_keystroke_p95", "filter_keystroke_p95_ms", size, smallest);
            ratio(figures, "cli_list_json", "cli_list_json_s", size, smallest);
        }
    }

    private static void ratio(Figures figures, String name, String absolute, int size, int reference) {
        Double at = figures.get(absolute + "_" + Figures.sizeLabel(size) + "_keys");
        Double ref = figures.get(absolute + "_" + Figures.sizeLabel(reference) + "_keys");
        if (at == null || ref == null || ref <= 0) {
            return;
        }
        String ratioName = String.format(Locale.ROOT, "%s_ratio_%s_vs_%s_keys", name,
                Figures.sizeLabel(size), Figures.sizeLabel(reference));
        figures.put(ratioName, at / ref);
    }
}
