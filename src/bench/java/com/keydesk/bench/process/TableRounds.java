package com.keydesk.bench.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop tables on the local stores, taken in turns ({@link SameRun#inTurns}), so that the
 * same-run ratios of issue 16 compare sizes, not moments. One desktop process per size and round ({@code UiScaleBench} in the
 * app's runtime with the window's launcher's options); a size's figures over all its rounds:
 * <ul>
 *   <li>first rows, the main window, the count after a keystroke: the median of the rounds;</li>
 *   <li>the filter keystroke's median and p95: over every keystroke of every round;</li>
 *   <li>peak resident memory: the highest of the rounds.</li>
 * </ul>
 * One round (a process per size) took a single sample of first rows, about 450-750 ms, and its
 * ratio between sizes moved 1.02-1.37 from run to run of one build (docs/PERFORMANCE.md).
 * {@code -Dbench.tableRounds=N} sets the rounds (default 3).
 */
final class TableRounds {
    private static final Pattern KEYSTROKES = Pattern.compile("\"filter_keystrokes_ms\"\\s*:\\s*\\[([^\\]]*)]");

    private TableRounds() {
    }

    static void measure(AppImage app, Map<Integer, Path> stores, Path testClasses, Path bench, VirtualDisplay display,
                        Figures figures) throws Exception {
        int rounds = Integer.getInteger("bench.tableRounds", 3);
        Map<Integer, List<Map<String, Double>>> runs = new LinkedHashMap<>();
        Map<Integer, List<Double>> keystrokes = new LinkedHashMap<>();
        SameRun.inTurns(stores.keySet(), rounds, (round, size) -> {
            String json = once(app, stores.get(size), size, testClasses, bench, display);
            System.out.printf("desktop tables, %,d keys, round %d: %s", size, round + 1, json.replaceAll(",\\s*\"filter_keystrokes_ms\".*}", "}"));
            runs.computeIfAbsent(size, s -> new ArrayList<>()).add(Figures.parse(json));
            keystrokes.computeIfAbsent(size, s -> new ArrayList<>()).addAll(keystrokesOf(json));
        });
        for (int size : stores.keySet()) {
            List<Map<String, Double>> each = runs.get(size);
            List<Double> typed = new ArrayList<>(keystrokes.get(size));
            Collections.sort(typed);
            String suffix = "_" + Figures.sizeLabel(size) + "_keys";
            figures.put("first_rows_ms" + suffix, Figures.median(values(each, "first_rows_ms")));
            figures.put("main_window_ms" + suffix, Figures.median(values(each, "main_window_ms")));
            figures.put("filter_keystroke_p95_ms" + suffix, typed.get((int) Math.ceil(typed.size() * 0.95) - 1));
            figures.put("filter_keystroke_median_ms" + suffix, typed.get(typed.size() / 2));
            figures.put("filter_count_median_ms" + suffix, Figures.median(values(each, "filter_count_median_ms")));   // the exact count after the rows
            figures.put("rss_mb" + suffix, Collections.max(values(each, "peak_rss_mb")));
            System.out.printf(Locale.ROOT, "desktop tables, %,d keys, %d rounds: first rows %s ms, filter keystroke p95 %.1f ms of %d keystrokes%n",
                    size, rounds, values(each, "first_rows_ms"), figures.get("filter_keystroke_p95_ms" + suffix), typed.size());
        }
    }

    /** One desktop process on one store: UiScaleBench's JSON line. */
    private static String once(AppImage app, Path store, int size, Path testClasses, Path bench, VirtualDisplay display)
            throws Exception {
        String listed = Files.readString(bench.resolve("keys-list-" + size + ".json"));
        int userKeys = Figures.occurrences(listed, "\"type\": \"user\"");
        ProcessBuilder builder = new ProcessBuilder(app.desktop().javaCommand(testClasses.toString(), "com.keydesk.bench.UiScaleBench",
                List.of(store.toString(), DemoStores.ADMIN, DemoStores.PASSWORD, Integer.toString(userKeys))));
        builder.environment().put("DISPLAY", display.name());
        Path out = bench.resolve("ui-" + size + ".json");
        Processes.run(builder, out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static List<Double> keystrokesOf(String json) {
        Matcher m = KEYSTROKES.matcher(json);
        if (!m.find() || m.group(1).isBlank()) {
            throw new IllegalStateException("UiScaleBench printed no keystrokes: " + json);
        }
        List<Double> times = new ArrayList<>();
        for (String time : m.group(1).split(",")) {
            times.add(Double.parseDouble(time.strip()));
        }
        return times;
    }

    private static List<Double> values(List<Map<String, Double>> runs, String name) {
        return runs.stream().map(run -> run.get(name)).toList();
    }
}
