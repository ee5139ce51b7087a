package com.keydesk.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Launch to first window mapped, seen from outside the program: {@code xev} watches the root
 * window's children and reports each MapNotify as it happens, so both programs are timed by the
 * same clock and the same event, without polling (which would steal CPU from the start-up).
 */
final class MapTimer implements AutoCloseable {
    private final Process xev;
    private final BlockingQueue<Long> mapped = new LinkedBlockingQueue<>();

    MapTimer(String display) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("stdbuf", "-oL", "xev", "-root", "-event", "substructure");
        builder.environment().put("DISPLAY", display);
        xev = builder.redirectErrorStream(true).start();
        Thread reader = Thread.ofPlatform().daemon().name("xev-reader").start(this::readEvents);
        Thread.sleep(500);   // xev selects its events before the first launch
        if (!xev.isAlive()) {
            throw new IOException("xev did not start (is x11-utils installed?)");
        }
        reader.setPriority(Thread.MAX_PRIORITY);
    }

    private void readEvents() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("MapNotify")) {
                    mapped.add(System.nanoTime());
                }
            }
        } catch (IOException closed) {
            // xev ended with the run
        }
    }

    /** Starts the program and returns milliseconds from start to its first mapped window; then stops it. */
    double launchToMappedMs(ProcessBuilder program) throws IOException, InterruptedException {
        mapped.clear();
        long launched = System.nanoTime();
        Process process = program.start();
        try {
            Long at = mapped.poll(120, TimeUnit.SECONDS);
            if (at == null) {
                throw new IOException("No window was mapped within 120 s by " + program.command());
            }
            return (at - launched) / 1e6;
        } finally {
            Processes.stop(process);
        }
    }

    @Override
    public void close() {
        xev.destroy();
    }
}
