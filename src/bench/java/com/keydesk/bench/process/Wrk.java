package com.keydesk.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the HTTP load generator (Debian's {@code wrk} 4.1), in its own process: 32 connections on
 * 2 threads, GET with the key header, requests per second and latency percentiles from its report.
 */
final class Wrk {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");

    record Result(double rps, long requests, double p50Ms, double p99Ms, String report) {
    }

    private Wrk() {
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    static Result run(String url, String key, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency",
                "-H", "X-FilesAPI-Key: " + key, url)).redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + report);
        }
        Matcher failed = NON_2XX.matcher(report);
        if (failed.find()) {
            throw new IOException(failed.group(1) + " answers other than 2xx from " + url + ":\n" + report);
        }
        Matcher rps = RPS.matcher(report);
        if (!rps.find()) {
            throw new IOException("No Requests/sec in wrk's report:\n" + report);
        }
        Matcher requests = REQUESTS.matcher(report);
        if (!requests.find()) {
            throw new IOException("No request count in wrk's report:\n" + report);
        }
        return new Result(Double.parseDouble(rps.group(1)), Long.parseLong(requests.group(1)), percentileMs(report, "50%"),
                percentileMs(report, "99%"), report);
    }

    /** A line of wrk's "Latency Distribution", in milliseconds (wrk writes us, ms or s). */
    private static double percentileMs(String report, String percentile) throws IOException {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(report);
        if (!m.find()) {
            throw new IOException("No " + percentile + " latency in wrk's report:\n" + report);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
