package com.keydesk.serve;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.FailedKeyThrottle;
import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A real store and a real server on a free loopback port, with a client that speaks to it as the SDKs do. */
final class ApiHarness implements AutoCloseable {
    /** Reads answers as trees (the server itself writes them with the streaming generator alone). */
    static final JsonMapper JSON = JsonMapper.builder().enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    final TestStore store;
    final ApiServer server;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiHarness(Path temp) throws Exception {
        this(temp, ServerLimits.STANDARD, FailedKeyThrottle.Rules.STANDARD);
    }

    /** The failed-key count runs on the store's clock ({@code store.clock}). */
    ApiHarness(Path temp, ServerLimits limits, FailedKeyThrottle.Rules failedKeys) throws Exception {
        store = TestStore.in(temp);
        server = ApiServer.start(store.services, "127.0.0.1", 0, null, limits,
                new PrintStream(log, true, StandardCharsets.UTF_8), failedKeys);
    }

    static FailedKeyThrottle.Rules allowingFailures(int allowed) {
        return new FailedKeyThrottle.Rules(allowed, Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String type() {
            return json.get("type").stringValue();
        }
    }

    Reply call(String method, String path, String key, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            b.header("X-FilesAPI-Key", key);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
        return new Reply(r.statusCode(), r, json);
    }

    Reply get(String path, String key) throws Exception {
        return call("GET", "/api/rest/v1" + path, key, null);
    }

    String siteKey() {
        return store.siteKey("site " + System.nanoTime()).secret().reveal();
    }

    IssuedKey userKey(Session creator, String owner, PermissionSet set) {
        return store.services.keys().create(creator, NewKey.forUser(owner, "key of " + owner, null, set, null));
    }

    String accessLog() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /**
     * The access log once it holds {@code lines} lines (or after 10 s): Jetty writes a request's
     * line after the response has gone, so the client may read the answer before the line exists.
     */
    String accessLogOf(int lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (accessLog().lines().count() < lines && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return accessLog();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
