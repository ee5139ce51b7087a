package com.keydesk.serve;

import com.keydesk.app.Main;
import com.keydesk.cli.ExitCode;
import com.keydesk.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keydesk serve} as its own process: it holds the local store, answers, and stops cleanly on SIGTERM. */
class ServeProcessTest {
    private static final String PASSWORD = "correct horse battery staple 1";

    @TempDir
    Path temp;

    @Test
    void servesHoldsTheStoreAndStopsCleanlyOnSigterm() throws Exception {
        Path store = temp.resolve("store");
        assertThat(run(store, "init", "--site", "Acme", "--admin", "alice").waitFor()).isZero();
        Process made = run(store, "keys", "create", "--site", "--name", "process test");
        String key = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(made.waitFor()).isZero();
        int port = freePort();

        Process server = run(store, "serve", "--listen", "127.0.0.1:" + port);
        try {
            var err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(err.readLine()).startsWith("KeyDesk serves http://127.0.0.1:" + port + "/api/rest/v1");
            var rest = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    rest.complete(String.join("\n", err.lines().toList()));
                } catch (RuntimeException e) {
                    rest.completeExceptionally(e);
                }
            });
            var access = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    access.complete(new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    access.completeExceptionally(e);
                }
            });
            HttpClient client = HttpClient.newHttpClient();
            var current = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rest/v1/api_key"))
                    .header("X-FilesAPI-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(current.statusCode()).isEqualTo(200);

            Process second = run(store, "keys", "list");
            assertThat(second.waitFor()).as("the server holds the local store").isEqualTo(ExitCode.STORE_IN_USE);

            // SIGTERM, as a service manager sends it (Process.destroy would also close our ends of its pipes)
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor()).isZero();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest.get(10, TimeUnit.SECONDS)).contains("KeyDesk server stopped; the store is closed.");
            assertThat(access.get(10, TimeUnit.SECONDS)).contains("GET /api/rest/v1/api_key 200").doesNotContain(key);
        } finally {
            server.destroyForcibly();
        }
        assertThat(run(store, "audit", "verify").waitFor()).as("store closed undamaged").isZero();
    }

    @Test
    void aNonLoopbackAddressNeedsTlsOrInsecureHttp() throws Exception {
        Path store = temp.resolve("store");
        assertThat(run(store, "init", "--site", "Acme", "--admin", "alice").waitFor()).isZero();

        Process refused = run(store, "serve", "--listen", "0.0.0.0:" + freePort());
        String err = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor()).isEqualTo(ExitCode.USAGE);
        assertThat(err.strip()).startsWith("keydesk: 0.0.0.0:").contains("--insecure-http").doesNotContain("\n");

        Process bad = run(store, "serve", "--listen", "nonsense");
        assertThat(bad.waitFor()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    private static Process run(Path store, String... args) throws Exception {
        Process p = ChildJvm.start(Main.class, Map.of("KEYDESK_HOME", store.toString(), "KEYDESK_USER", "alice",
                "KEYDESK_PASSWORD", PASSWORD), args);
        p.getOutputStream().close();
        return p;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
