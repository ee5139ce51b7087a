package com.keydesk.bench.process;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP API's figures (issue 14) against {@code keydesk serve} on a copy of the 100,000-key demo
 * store, made afresh each run: the server in the installed app's runtime with the JVM options of
 * its keydesk-serve launcher ({@code com.keydesk.serve.ApiBenchServer}), the load from other
 * processes on loopback.
 * <ul>
 *   <li>find current, one key again and again, and the reference (the same server answering a
 *   constant JSON body): {@code wrk} with 32 connections on 2 threads, 10 s each, taking turns
 *   for {@link #ROUNDS} rounds after 10 s of find current and 5 s of the constant body to warm up;
 *   rps and p99 latency from wrk, and the server's CPU time per request, which other work on the
 *   machine does not change; the warm-up's two halves are figures too (the server's first
 *   seconds, while its compilers work);</li>
 *   <li>first-seen keys: keys made through the API (untimed), then each presented once by 32
 *   clients at a time from this JVM; against the limit cores ÷ one Argon2id check (shipped
 *   parameters, the median of 15 measured here after each round), and beside it what this
 *   machine gives at that moment: as many threads as cores checking for 3 s, and the CPU time a
 *   key costs the server (its Argon2id threads and the rest) and this JVM;</li>
 *   <li>every key, 10,000 a page, following X-Files-Cursor: the median of 5 after one warm-up;</li>
 *   <li>the server's peak resident memory (VmHWM) after all of the above.</li>
 * </ul>
 * Without {@code wrk} (Debian: {@code apt-get install wrk}) the find-current figures are not
 * measured. {@code -Dbench.api.options="..."} adds JVM options after the launcher's (to measure a
 * server with other settings, say another heap cap).
 */
final class ApiFigures {
    private static final int ROUNDS = 3;
    private static final int CONNECTIONS = 32;
    private static final int FIRST_SEEN_KEYS = 300;
    private static final int LIST_RUNS = 5;
    private static final int KEYS = 100_000;

    private ApiFigures() {
    }

    static void measure(AppImage image, Path bench, Path testClasses, Figures figures) throws Exception {
        AppImage app = image.server();
        Path store = freshCopy(DemoStores.ensure(image, bench, KEYS), bench.resolve("api-store/keydesk"));
        figures.put("api_load_average_before", loadAverage());
        List<String> command = new ArrayList<>(app.javaCommand(testClasses.toString(),
                "com.keydesk.serve.ApiBenchServer", List.of(store.toString(), DemoStores.ADMIN, DemoStores.PASSWORD)));
        List<String> extra = extraOptions();
        command.addAll(1 + app.javaOptions().size(), extra);   // after the launcher's own: the last of a kind wins
        if (!extra.isEmpty()) {
            System.out.println("API server with the launcher's JVM options and then " + extra);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);   // its access log, one line a request
        Process server = builder.start();
        try {
            String[] ready = awaitReady(server);
            figures.put("api_server_rss_mb_ready", status(server.pid(), "VmRSS") / 1024.0);
            String base = "http://127.0.0.1:" + ready[1];
            String key = ready[2];
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            if (Wrk.installed()) {
                repeatedFindCurrent(base, key, server.pid(), figures);
            } else {
                System.out.println("WRK IS NOT INSTALLED (apt-get install wrk): no find-current figures.");
            }
            // the peak after each part, so that a figure over its goal says which part raised it
            figures.put("api_server_rss_mb_peak_after_find_current", status(server.pid(), "VmHWM") / 1024.0);
            firstSeenKeys(client, base, key, server.pid(), figures);
            figures.put("api_server_rss_mb_peak_after_first_seen", status(server.pid(), "VmHWM") / 1024.0);
            listAll(client, base, key, figures);
            figures.put("api_server_rss_mb_100k_keys", status(server.pid(), "VmHWM") / 1024.0);
            figures.put("api_server_rss_mb_end_100k_keys", status(server.pid(), "VmRSS") / 1024.0);
        } finally {
            server.getOutputStream().close();   // the server stops when its stdin ends
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                Processes.stop(server);
            }
        }
        figures.put("api_load_average_after", loadAverage());
    }

    /** find current with one key (verified once, then from the cache) against the constant body, taking turns. */
    private static void repeatedFindCurrent(String base, String key, long pid, Figures figures) throws Exception {
        String current = base + "/api/rest/v1/api_key";
        String constant = base + "/bench/constant-json";
        // The server's first seconds, measured: the JIT compilers are still at work, and a server
        // fresh behind a load balancer answers at this speed until they are done.
        Measured cold = Measured.of(pid, current, key, 5);
        Measured warming = Measured.of(pid, current, key, 5);
        System.out.printf(Locale.ROOT, "find current from the start: first 5 s %.0f rps, server CPU %.0f us a request;"
                        + " next 5 s %.0f rps, %.0f us%n", cold.wrk().rps(), cold.serverCpuUs(), warming.wrk().rps(),
                warming.serverCpuUs());
        figures.put("api_find_current_first_5s_rps", cold.wrk().rps());
        figures.put("api_find_current_first_5s_server_cpu_us", cold.serverCpuUs());
        figures.put("api_find_current_5_to_10s_rps", warming.wrk().rps());
        figures.put("api_find_current_5_to_10s_server_cpu_us", warming.serverCpuUs());
        Wrk.run(constant, key, 5);
        List<Double> ratios = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> apiRps = new ArrayList<>();
        List<Double> constantRps = new ArrayList<>();
        List<Double> apiCpu = new ArrayList<>();
        List<Double> constantCpu = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Measured api;
            Measured reference;
            if (round % 2 == 0) {
                api = Measured.of(pid, current, key);
                reference = Measured.of(pid, constant, key);
            } else {
                reference = Measured.of(pid, constant, key);
                api = Measured.of(pid, current, key);
            }
            apiCpu.add(api.serverCpuUs());
            constantCpu.add(reference.serverCpuUs());
            ratios.add(api.wrk().rps() / reference.wrk().rps());
            p99.add(api.wrk().p99Ms());
            p50.add(api.wrk().p50Ms());
            apiRps.add(api.wrk().rps());
            constantRps.add(reference.wrk().rps());
            System.out.printf(Locale.ROOT, "find current: %.0f rps, p50 %.2f ms, p99 %.2f ms, server CPU %.0f us a request;"
                            + " constant JSON: %.0f rps, p99 %.2f ms, server CPU %.0f us a request%n", api.wrk().rps(),
                    api.wrk().p50Ms(), api.wrk().p99Ms(), api.serverCpuUs(), reference.wrk().rps(),
                    reference.wrk().p99Ms(), reference.serverCpuUs());
        }
        figures.put("api_find_current_server_cpu_us", Figures.median(apiCpu));
        figures.put("api_constant_json_server_cpu_us", Figures.median(constantCpu));
        figures.put("api_find_current_repeat_p99_ms", Figures.median(p99));
        figures.put("api_find_current_repeat_p50_ms", Figures.median(p50));
        figures.put("api_find_current_rps", Figures.median(apiRps));
        figures.put("api_constant_json_rps", Figures.median(constantRps));
        figures.put("api_find_current_rps_ratio_vs_static_json", Figures.median(ratios));
    }

    /**
     * One wrk run and the server's CPU time per request over it (utime + stime of its process):
     * unlike requests per second, that does not depend on what else the machine is running.
     */
    private record Measured(Wrk.Result wrk, double serverCpuUs) {
        static Measured of(long pid, String url, String key) throws Exception {
            return of(pid, url, key, 10);
        }

        static Measured of(long pid, String url, String key, int seconds) throws Exception {
            double before = cpuSeconds(pid);
            Wrk.Result wrk = Wrk.run(url, key, seconds);
            return new Measured(wrk, (cpuSeconds(pid) - before) * 1e6 / wrk.requests());
        }
    }

    /** The process's user and system CPU time so far, from /proc/PID/stat (in clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /**
     * Keys nobody has presented yet, each once, 32 at a time over 32 kept-alive connections: each
     * costs the server one Argon2id check. Beside the rate, the server's CPU time a key, split into
     * its Argon2id threads' and the rest (its requests, the store, its compilers), and this JVM's.
     */
    private static void firstSeenKeys(HttpClient client, String base, String key, long pid, Figures figures) throws Exception {
        Argon2idHasher hasher = new Argon2idHasher(Argon2Params.SHIPPED);
        String stored = hasher.hash("a secret to check again and again".toCharArray());
        int cores = Runtime.getRuntime().availableProcessors();
        int port = URI.create(base).getPort();
        List<Double> ratios = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> hashes = new ArrayList<>();
        List<Double> parallels = new ArrayList<>();
        List<Double> serverMs = new ArrayList<>();
        List<Double> outsideMs = new ArrayList<>();
        List<Double> clientMs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Queue<String> fresh = new ConcurrentLinkedQueue<>(makeKeys(client, base, key, FIRST_SEEN_KEYS, round));
            double serverBefore = cpuSeconds(pid);
            double argon2Before = threadCpuSeconds(pid, "keydesk-argon2id");
            double clientBefore = cpuSeconds(ProcessHandle.current().pid());
            long start = System.nanoTime();
            inParallel(() -> {
                try (KeepAliveGets connection = new KeepAliveGets(port)) {
                    for (String k = fresh.poll(); k != null; k = fresh.poll()) {
                        int status = connection.get("/api/rest/v1/api_key", k);
                        if (status != 200) {
                            throw new IllegalStateException("GET /api/rest/v1/api_key answered " + status + " instead of 200");
                        }
                    }
                }
            });
            double rps = FIRST_SEEN_KEYS / ((System.nanoTime() - start) / 1e9);
            double server = (cpuSeconds(pid) - serverBefore) * 1000 / FIRST_SEEN_KEYS;
            double argon2 = (threadCpuSeconds(pid, "keydesk-argon2id") - argon2Before) * 1000 / FIRST_SEEN_KEYS;
            double self = (cpuSeconds(ProcessHandle.current().pid()) - clientBefore) * 1000 / FIRST_SEEN_KEYS;
            List<Double> checks = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                long t = System.nanoTime();
                hasher.verify(stored, "a secret to check again and again".toCharArray());
                checks.add((System.nanoTime() - t) / 1e6);
            }
            double hashMs = Figures.median(checks);
            double limit = cores / (hashMs / 1000);
            double parallel = parallelChecksPerSecond(hasher, stored, cores);
            rates.add(rps);
            hashes.add(hashMs);
            ratios.add(rps / limit);
            parallels.add(parallel);
            serverMs.add(server);
            outsideMs.add(server - argon2);
            clientMs.add(self);
            System.out.printf(Locale.ROOT, "first-seen keys: %.1f rps; one Argon2id check %.1f ms, so at most %.1f rps"
                    + " on %d cores: %.2f; %d threads checking here got %.1f checks/s; server CPU %.1f ms a key"
                    + " (Argon2id threads %.1f, the rest %.1f), this JVM's %.2f ms; load %.1f%n", rps, hashMs, limit,
                    cores, rps / limit, cores, parallel, server, argon2, server - argon2, self, loadAverage());
        }
        figures.put("api_argon2id_parallel_checks_per_s", Figures.median(parallels));
        figures.put("api_first_seen_key_rps", Figures.median(rates));
        figures.put("api_argon2id_check_ms", Figures.median(hashes));
        figures.put("api_first_seen_server_cpu_ms", Figures.median(serverMs));
        figures.put("api_first_seen_server_cpu_ms_outside_argon2id", Figures.median(outsideMs));
        figures.put("api_first_seen_client_cpu_ms", Figures.median(clientMs));
        figures.put("api_first_seen_key_rps_ratio_vs_argon2id_limit", Figures.median(ratios));
    }

    /** CPU seconds of the process's threads whose name starts with {@code prefix} (Linux cuts names at 15 characters). */
    private static double threadCpuSeconds(long pid, String prefix) throws IOException {
        String cut = prefix.substring(0, Math.min(15, prefix.length()));
        double sum = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(cut)) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // a thread that ended meanwhile
                }
            }
        }
        return sum;
    }

    /**
     * What this machine gives right now: {@code threads} platform threads checking for 3 s. On a
     * machine shared with other work the limit cores ÷ one check overstates it; this says by how much.
     */
    private static double parallelChecksPerSecond(Argon2idHasher hasher, String stored, int threads) throws Exception {
        long end = System.nanoTime() + 3_000_000_000L;
        java.util.concurrent.atomic.LongAdder done = new java.util.concurrent.atomic.LongAdder();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    hasher.verify(stored, "a secret to check again and again".toCharArray());
                    done.increment();
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** Extra JVM options for the server after the launcher's (-Dbench.api.options="..."), to measure other settings. */
    private static List<String> extraOptions() {
        String text = System.getProperty("bench.api.options", "").strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
    }

    /** Site keys made through the API itself (POST /api_keys), 32 at a time: their secrets stay in this JVM's memory. */
    private static List<String> makeKeys(HttpClient client, String base, String key, int count, int round) throws Exception {
        Queue<Integer> todo = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            todo.add(i);
        }
        Queue<String> made = new ConcurrentLinkedQueue<>();
        inParallel(() -> {
            for (Integer i = todo.poll(); i != null; i = todo.poll()) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/rest/v1/api_keys"))
                        .header("X-FilesAPI-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"first seen " + round + "-" + i + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                expect(201, r);
                String body = r.body();
                int at = body.indexOf("\"key\":\"") + 7;
                made.add(body.substring(at, body.indexOf('"', at)));
            }
        });
        return new ArrayList<>(made);
    }

    /** Every key, 10,000 a page, following the cursor; the median of {@link #LIST_RUNS} after one warm-up. */
    private static void listAll(HttpClient client, String base, String key, Figures figures) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run <= LIST_RUNS; run++) {
            long start = System.nanoTime();
            int listed = 0;
            String cursor = null;
            do {
                HttpResponse<String> page = client.send(get(base + "/api/rest/v1/api_keys?per_page=10000"
                        + (cursor == null ? "" : "&cursor=" + cursor), key), HttpResponse.BodyHandlers.ofString());
                expect(200, page);
                listed += Figures.occurrences(page.body(), "\"descriptive_label\":");
                cursor = page.headers().firstValue("X-Files-Cursor").orElse(null);
            } while (cursor != null);
            double s = (System.nanoTime() - start) / 1e9;
            if (listed < KEYS) {
                throw new IllegalStateException("The API listed " + listed + " keys of a store of at least " + KEYS);
            }
            if (run > 0) {
                seconds.add(s);
            }
        }
        System.out.printf(Locale.ROOT, "every key through the API, 10,000 a page: %s s%n", seconds);
        figures.put("api_list_all_100k_keys_s", Figures.median(seconds));
    }

    /** Goals of issue 14, in the form of ProcessFigures' table (some are floors, not ceilings). */
    static void report(Figures figures) {
        Map<String, Double> atMost = new LinkedHashMap<>();
        atMost.put("api_find_current_repeat_p99_ms", 5.0);
        atMost.put("api_list_all_100k_keys_s", 3.0);
        atMost.put("api_server_rss_mb_100k_keys", 250.0);
        Map<String, Double> atLeast = new LinkedHashMap<>();
        atLeast.put("api_find_current_rps_ratio_vs_static_json", 0.5);
        atLeast.put("api_first_seen_key_rps_ratio_vs_argon2id_limit", 0.8);
        atMost.forEach((name, goal) -> line(name, figures.get(name), "<=", goal, figures.get(name) != null && figures.get(name) <= goal));
        atLeast.forEach((name, goal) -> line(name, figures.get(name), ">=", goal, figures.get(name) != null && figures.get(name) >= goal));
    }

    private static void line(String name, Double value, String relation, double goal, boolean met) {
        System.out.printf(Locale.ROOT, "  %-42s %12s  goal %s %-8s %s%n", name,
                value == null ? "-" : String.format(Locale.ROOT, "%.3f", value), relation, goal,
                value == null ? "not measured" : met ? "met" : "MISSED");
    }

    private interface Work {
        void run() throws Exception;
    }

    /** {@link #CONNECTIONS} virtual threads doing the same work; the first failure is thrown. */
    private static void inParallel(Work work) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static HttpRequest get(String uri, String key) {
        return HttpRequest.newBuilder(URI.create(uri)).header("X-FilesAPI-Key", key).build();
    }

    private static void expect(int status, HttpResponse<?> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " answered " + r.statusCode()
                    + " instead of " + status + ": " + r.body());
        }
    }

    /** The server's first stderr line "ready PORT KEY"; the rest of its stderr is drained to ours. */
    private static String[] awaitReady(Process server) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            if (line.startsWith("ready ")) {
                Thread.ofVirtual().start(() -> err.lines().forEach(System.err::println));
                return line.split(" ");
            }
            System.err.println(line);
        }
        throw new IOException("The API benchmark server ended before it was ready (exit " + exitOf(server) + ")");
    }

    private static String exitOf(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "none yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The demo store's files copied into an owner-only folder, over any earlier copy. */
    private static Path freshCopy(Path source, Path copy) throws IOException {
        if (Files.exists(copy)) {
            try (var files = Files.walk(copy)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (var files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** A field of /proc/PID/status in kB. */
    private static double status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Double.parseDouble(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IOException("No " + field + " in /proc/" + pid + "/status");
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
