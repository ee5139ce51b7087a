package com.keydesk.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stores of N demo keys for the benchmarks, made once through the installed launcher
 * ({@code init} then {@code demo-data}) and kept in target/bench/stores/N/keydesk between runs.
 * The folder layout lets a desktop start find the store as its default (XDG_DATA_HOME=stores/N).
 */
final class DemoStores {
    static final String ADMIN = "admin";
    static final String PASSWORD = "benchmark admin password";

    private DemoStores() {
    }

    static Path dataHome(Path bench, int keys) {
        return bench.resolve("stores").resolve(Integer.toString(keys)).toAbsolutePath();
    }

    static Path ensure(AppImage app, Path bench, int keys) throws IOException, InterruptedException {
        Path store = dataHome(bench, keys).resolve("keydesk");
        if (Files.exists(store.resolve("keydesk.mv.db"))) {
            return store;
        }
        System.out.printf("Making a store of %,d demo keys in %s%n", keys, store);
        Files.createDirectories(store.getParent());
        Processes.run(cli(app, store, "init", "--site", "Benchmark site", "--admin", ADMIN), null);
        Processes.run(cli(app, store, "demo-data", "--keys", Integer.toString(keys)), null);
        return store;
    }

    /** The installed command line, signed in as the benchmark administrator through the environment. */
    static ProcessBuilder cli(AppImage app, Path store, String... words) {
        List<String> command = new java.util.ArrayList<>(List.of(app.launcher().toString(), "--data", store.toString()));
        command.addAll(List.of(words));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("KEYDESK_USER", ADMIN);
        env.put("KEYDESK_PASSWORD", PASSWORD);
        return builder;
    }
}
