package com.keydesk.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15's figures: {@code keydesk scan TREE --format json} through the installed launcher
 * against ripgrep searching the same prefix regex over the same tree ({@link ScanTree}), warm page
 * cache (one untimed pass of each first), taking turns, the median of 5 each; and the scan's peak
 * resident memory. The scan must report exactly the planted keys, or the step fails.
 */
final class ScanFigures {
    static final String RIPGREP_REGEX = "kd[su]_[A-Za-z0-9]{12}_[A-Za-z0-9]{49}";
    private static final int RUNS = 5;
    private static final Pattern FINDING = Pattern.compile(
            "\"path\"\\s*:\\s*\"([^\"]*)\"[^{}]*?\"lookup_id\"\\s*:\\s*\"([^\"]*)\"");

    private ScanFigures() {
    }

    static void measure(AppImage app, Path bench, int megabytes, Figures figures) throws Exception {
        Path root = ScanTree.ensure(bench, megabytes);
        Path tree = root.resolve("tree");
        String size = megabytes % 1024 == 0 ? megabytes / 1024 + "gb" : megabytes + "mb";
        Path out = bench.resolve("scan-" + size + ".json");
        Path rgOut = bench.resolve("ripgrep-" + size + ".txt");
        Path rss = bench.resolve("scan-" + size + ".rss");
        boolean ripgrep = ripgrepAvailable();
        if (!ripgrep) {
            System.out.println();
            System.out.println("!!! rg (Debian package ripgrep) is not installed: scan_time_ratio_vs_ripgrep is NOT measured.");
            System.out.println("!!! apt-get install ripgrep, then run again.");
            System.out.println();
        }

        // Untimed passes: they warm the page cache and the scan's class-data archive; the scan's
        // peak memory comes from its pass under /usr/bin/time, so the timed runs carry no wrapper.
        boolean time = Files.isExecutable(Path.of("/usr/bin/time"));
        if (!time) {
            System.out.println("!!! /usr/bin/time (Debian package time) is not installed: scan_rss_mb is NOT measured.");
        }
        List<String> timeWrapper = time ? List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()) : List.of();
        run(scan(app, bench, tree, timeWrapper), out);
        checkFindings(out, root);
        if (ripgrep) {
            run(ripgrep(tree), rgOut);
        }
        List<Double> scanSeconds = new ArrayList<>();
        List<Double> rgSeconds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            // Taking turns, the order swapped every other round, so both see the same machine.
            boolean scanFirst = i % 2 == 0;
            if (scanFirst) {
                scanSeconds.add(run(scan(app, bench, tree, List.of()), out));
            }
            if (ripgrep) {
                rgSeconds.add(run(ripgrep(tree), rgOut));
            }
            if (!scanFirst) {
                scanSeconds.add(run(scan(app, bench, tree, List.of()), out));
            }
        }
        checkFindings(out, root);
        double scanMedian = Figures.median(scanSeconds);
        figures.put("scan_tree_mb", megabytes);
        figures.put("scan_s_" + size + "_tree", scanMedian);
        if (time) {
            figures.put("scan_rss_mb_" + size + "_tree", Long.parseLong(lastLine(rss)) / 1024.0);
        }
        System.out.printf(Locale.ROOT, "keydesk scan, %,d MB tree: %s s%n", megabytes, scanSeconds);
        if (ripgrep) {
            double rgMedian = Figures.median(rgSeconds);
            figures.put("ripgrep_s_" + size + "_tree", rgMedian);
            figures.put("scan_time_ratio_vs_ripgrep", scanMedian / rgMedian);
            System.out.printf(Locale.ROOT, "rg -c,        %,d MB tree: %s s%n", megabytes, rgSeconds);
        }
    }

    /** The installed command line with no store and no sign-in: the format alone decides, as in a pre-commit hook. */
    private static ProcessBuilder scan(AppImage app, Path bench, Path tree, List<String> wrapper) {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(app.launcher().toString(), "--data", bench.resolve("scan-no-store").toString(),
                "scan", tree.toString(), "--format", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("KEYDESK_USER");
        builder.environment().remove("KEYDESK_PASSWORD");
        builder.environment().remove("KEYDESK_HOME");
        return builder;
    }

    private static ProcessBuilder ripgrep(Path tree) {
        return new ProcessBuilder("rg", "-c", RIPGREP_REGEX, tree.toString());
    }

    private static boolean ripgrepAvailable() {
        try {
            return new ProcessBuilder("rg", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs a search to its end, stdout to {@code out}; returns its wall time in seconds. Both
     * programs exit 0 or 1 by whether they found something, and the scan 12 when it found keys:
     * anything else is a failure.
     */
    private static double run(ProcessBuilder builder, Path out) throws IOException, InterruptedException {
        builder.redirectOutput(ProcessBuilder.Redirect.to(out.toFile()));
        Path err = Files.createTempFile(out.getParent(), "stderr", ".txt");
        builder.redirectError(ProcessBuilder.Redirect.to(err.toFile()));
        try {
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0 && exit != 1 && exit != 12) {
                throw new IOException(String.join(" ", builder.command()) + " failed (" + exit + "): "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return seconds;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** The scan's JSON must name exactly the planted keys, each in its file: no more, no fewer. */
    private static void checkFindings(Path json, Path root) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = FINDING.matcher(Files.readString(json, StandardCharsets.UTF_8));
        while (m.find()) {
            found.add(root.relativize(Path.of(m.group(1))) + " " + m.group(2));
        }
        Set<String> planted = ScanTree.planted(root);
        if (found.size() != planted.size() || !new TreeSet<>(found).equals(planted)) {
            throw new IllegalStateException("keydesk scan found " + found + " but the tree holds " + planted);
        }
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.get(lines.size() - 1).strip();
    }
}
