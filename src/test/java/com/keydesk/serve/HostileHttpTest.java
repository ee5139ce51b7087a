package com.keydesk.serve;

import com.keydesk.testing.StoreSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests nobody should send: malformed, oversized, tricky or abusive. Each gets the documented
 * status and a JSON error body (docs/api.md "Errors"), nothing in the store changes, and the
 * server goes on answering a well-behaved client.
 */
class HostileHttpTest {
    private static final String BASE = "/api/rest/v1";
    /** Short so the slow-client checks take seconds; the shipped limits are in ServerLimits.STANDARD. */
    private static final ServerLimits TEST_LIMITS = new ServerLimits(8 * 1024, Duration.ofSeconds(1), 256, 8);

    @TempDir
    Path temp;
    ApiHarness api;
    String site;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(temp, TEST_LIMITS, ApiHarness.allowingFailures(10));
        site = api.siteKey();
        assertThat(api.get("/api_key", site).status()).isEqualTo(200);   // its last use is recorded now, once
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** One hostile request and what it must get: a status and, for the error rows of api.md, the type. */
    record Case(String what, byte[] request, Set<Integer> statuses, String type) {
    }

    @Test
    void hundredsOfHostileRequestsGetTheDocumentedAnswerAndChangeNothing() throws Exception {
        StoreSnapshot before = StoreSnapshot.of(api.store);
        List<Case> cases = cases();
        assertThat(cases.size()).isGreaterThanOrEqualTo(100);
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            RawHttp.Answer a = RawHttp.send(api.server.port(), c.request());
            String problem = judge(c, a);
            if (problem != null) {
                wrong.add(c.what() + ": " + problem);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(StoreSnapshot.of(api.store)).isEqualTo(before);
        assertThat(api.get("/api_key", site).status()).isEqualTo(200);
    }

    private static String judge(Case c, RawHttp.Answer a) {
        if (!c.statuses().contains(a.status())) {
            return "status " + a.status() + " " + a.body();
        }
        if (a.status() == 204 || a.status() < 300) {
            return null;
        }
        String contentType = a.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "not JSON: " + contentType;
        }
        JsonNode body = ApiHarness.JSON.readTree(a.body());
        if (body.get("http-code").intValue() != a.status() || body.get("error").stringValue().isBlank()) {
            return "error body " + a.body();
        }
        if (c.type() != null && !c.type().equals(body.get("type").stringValue())) {
            return "type " + body.get("type").stringValue();
        }
        if (a.body().contains("Exception") || a.body().contains("org.eclipse") || a.body().contains("com.keydesk")
                || a.body().contains("kds_")) {
            return "leaks internals: " + a.body();
        }
        return null;
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // malformed JSON: each a POST that would create a key if it were read leniently
        for (String body : List.of("{", "}", "{\"name\":}", "{\"name\":\"x\",}", "nul", "{'name':'x'}",
                "{\"name\":\"x\"}{\"name\":\"y\"}", "{\"name\":\"x\"} trailing", "{name:\"x\"}", "{\"name\":\"x\"",
                "{\"name\" \"x\"}", "{\"name\":\"x\" \"a\":1}", "{\"name\":\"x\",\"name\":\"y\"}", "\"just text\"",
                "123", "[]", "[{\"name\":\"x\"}]", "true", "{\"name\":\"\\x41\"}", "{\"name\":\"\\u12\"}",
                "{\"name\":\"x\"}\u0000", "\u0000{\"name\":\"x\"}", "{\"name\":NaN}", "{\"name\":\"x\"}]",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"name\":\"x\" /* comment */}", "{\"name\":'x'}", "{\"name\":\"x\"\n,\"name\":\"x\"}")) {
            cases.add(post("bad JSON " + shorten(body), body, "application/json", 400, "bad-request/invalid-body"));
        }
        cases.add(new Case("not UTF-8", request("POST", BASE + "/api_keys", site, "application/json",
                new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                Set.of(400), "bad-request/invalid-body"));
        // wrong types for each field
        for (String body : List.of("{\"name\":5}", "{\"name\":true}", "{\"name\":[\"x\"]}", "{\"name\":{\"a\":1}}",
                "{\"name\":\"x\",\"description\":7}", "{\"name\":\"x\",\"permission_set\":1}",
                "{\"name\":\"x\",\"permission_set\":[\"full\"]}", "{\"name\":\"x\",\"expires_at\":20990101}",
                "{\"name\":\"x\",\"user_id\":\"abc\"}", "{\"name\":\"x\",\"user_id\":1.5}", "{\"name\":\"x\",\"user_id\":-1}",
                "{\"name\":\"x\",\"user_id\":1e400}", "{\"name\":\"x\",\"user_id\":99999999999999999999}",
                "{\"name\":\"x\",\"user_id\":true}", "{\"name\":\"x\",\"user_id\":[1]}", "{\"name\":\"x\",\"path\":5}")) {
            cases.add(post("wrong type " + body, body, "application/json", 400, "bad-request/request-params-invalid"));
        }
        for (String date : List.of("tomorrow", "2099-13-01", "2099-02-30", "99999-01-01T00:00:00Z", "2099-01-01T25:00:00Z",
                "2099-01-01 00:00:00", "", "0", "2099-01-01T00:00:00+99:00")) {
            if (!date.isEmpty()) {
                cases.add(post("bad date " + date, "{\"name\":\"x\",\"expires_at\":\"" + date + "\"}", "application/json",
                        400, "bad-request/datetime-parse"));
            }
        }
        // values a rule of the product refuses
        for (String body : List.of("{}", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"   \"}",
                "{\"name\":\"" + "n".repeat(5000) + "\"}", "{\"name\":\"x\",\"expires_at\":\"2001-01-01\"}",
                "{\"name\":\"x\",\"permission_set\":\"root\"}", "{\"name\":\"x\",\"permission_set\":\"none\"}",
                "{\"name\":\"x\",\"path\":\"/secret\"}", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"\\u202Eevil\"}")) {
            cases.add(post("refused values " + shorten(body), body, "application/json", 422, "processing-failure/model-save-error"));
        }
        // other content types
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonx", "application/xml")) {
            cases.add(post("content type " + type, "{\"name\":\"x\"}", type, 400, "bad-request/invalid-body"));
        }
        cases.add(new Case("no content type", request("POST", BASE + "/api_keys", site, null,
                "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)), Set.of(400), "bad-request/invalid-body"));
        // huge bodies, declared and not
        byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("body over 64 KiB", request("POST", BASE + "/api_keys", site, "application/json", big),
                Set.of(413), "bad-request/invalid-body"));
        cases.add(new Case("declared body of a terabyte", ("POST " + BASE + "/api_keys HTTP/1.1\r\nHost: x\r\nX-FilesAPI-Key: "
                + site + "\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{")
                .getBytes(StandardCharsets.UTF_8), Set.of(413), "bad-request/invalid-body"));
        cases.add(new Case("chunked body over 64 KiB", chunked(big), Set.of(413), "bad-request/invalid-body"));
        cases.add(new Case("body on a DELETE of a missing key", request("DELETE", BASE + "/api_keys/424242", site,
                "application/json", "{\"id\":424242}".getBytes(StandardCharsets.UTF_8)), Set.of(404), "not-found/api-key-not-found"));
        // huge headers and URLs
        cases.add(raw("one 20 KB header", "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\n\r\n", Set.of(431), null));
        cases.add(raw("2,000 headers", "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(2000)
                + "\r\n", Set.of(431), null));
        cases.add(raw("a 10 KB URL", "GET " + BASE + "/api_keys?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                Set.of(414, 431), null));
        cases.add(raw("a 5 KB URL", "GET " + BASE + "/api_keys?x=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\nX-FilesAPI-Key: "
                + site + "\r\n\r\n", Set.of(414), null));
        cases.add(raw("a 20 KB key", "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nX-FilesAPI-Key: " + "k".repeat(20_000)
                + "\r\n\r\n", Set.of(431), null));
        // path tricks in ids
        for (String id : List.of("-1", "0", "1.0", "1e3", "0x10", "%EF%BC%91", "%D9%A1", "1;x", "1%3Bx", "%00", "1%00",
                "99999999999999999999", "1%2F..%2F2", "..%2Fapi_key", "%2E%2E", "+1", "%201", "1%20", "abc", "'1'", "1'--",
                "9223372036854775807", "$%7Bjndi:ldap://x%7D")) {
            cases.add(new Case("id " + id, request("GET", BASE + "/api_keys/" + id, site, null, null), Set.of(400, 404), null));
            cases.add(new Case("DELETE id " + id, request("DELETE", BASE + "/api_keys/" + id, site, null, null),
                    Set.of(400, 404), null));
        }
        cases.add(raw("dot segments", "GET " + BASE + "/api_keys/../api_key HTTP/1.1\r\nHost: x\r\nX-FilesAPI-Key: " + site
                + "\r\n\r\n", Set.of(400, 404), null));
        cases.add(raw("double slash", "GET " + BASE + "/api_keys//1 HTTP/1.1\r\nHost: x\r\nX-FilesAPI-Key: " + site
                + "\r\n\r\n", Set.of(400, 404), null));
        cases.add(raw("unknown path", "GET /api/rest/v1/users HTTP/1.1\r\nHost: x\r\nX-FilesAPI-Key: " + site + "\r\n\r\n",
                Set.of(404), "not-found"));
        cases.add(raw("outside the base", "GET /etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(404), "not-found"));
        // broken request lines and protocol abuse
        for (String line : List.of("GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET " + BASE + "/api_key HTTP/9.9\r\nHost: x\r\n\r\n",
                "GET " + BASE + "/api_key HTTP/1.1\r\n\r\n", "GET  HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\n folded: yes\r\n\r\n",
                "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef",
                "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
                "GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n")) {
            cases.add(raw("protocol " + shorten(line), line, Set.of(400, 505), null));
        }
        // unicode and odd bytes where a key belongs
        for (String key : List.of("ключ", "kds_\u00e9\u00e9\u00e9", "\u202Ekds_x", site + "\u00a0", "kds_" + "😀".repeat(10),
                site.substring(0, site.length() - 1), site.toUpperCase(), "Bearer " + site)) {
            cases.add(new Case("key " + shorten(key), request("GET", BASE + "/api_key", key, null, null), Set.of(401),
                    "not-authenticated/invalid-credentials"));
        }
        cases.add(new Case("no key", request("GET", BASE + "/api_key", null, null, null), Set.of(401),
                "not-authenticated/authentication-required"));
        cases.add(new Case("empty key", request("GET", BASE + "/api_key", "", null, null), Set.of(401),
                "not-authenticated/authentication-required"));
        // repeated and odd parameters
        cases.add(new Case("per_page repeated, last bad", request("GET", BASE + "/api_keys?per_page=1&per_page=abc", site, null,
                null), Set.of(400), "bad-request/request-params-invalid"));
        cases.add(new Case("per_page repeated, last good", request("GET", BASE + "/api_keys?per_page=abc&per_page=1", site, null,
                null), Set.of(200), null));
        cases.add(new Case("cursor repeated", request("GET", BASE + "/api_keys?cursor=a&cursor=b", site, null, null),
                Set.of(400), "bad-request/invalid-cursor"));
        for (String q : List.of("per_page=-1", "per_page=1.5", "per_page=%FF", "per_page=%", "per_page=%G1", "user_id=x",
                "sort_by[expires_at]=sideways", "sort_by[name]=asc", "filter[expires_at]=soon", "filter_gt[expires_at]=1e9",
                "per_page=" + "9".repeat(40))) {
            String type = q.contains("expires_at]=s") || q.contains("1e9") ? (q.startsWith("sort") ? "bad-request/request-params-invalid"
                    : "bad-request/datetime-parse") : "bad-request/request-params-invalid";
            cases.add(new Case("query " + q, request("GET", BASE + "/api_keys?" + q, site, null, null), Set.of(400), type));
        }
        for (String cursor : List.of("x", "MToxOjE6", "%00", "MTp6enp6enp6enp6enp6OjE6", "A".repeat(300),
                "MTpmZmZmZmZmZmZmZmY6LTE6", "..%2F..")) {
            cases.add(new Case("cursor " + cursor, request("GET", BASE + "/api_keys?cursor=" + cursor, site, null, null),
                    Set.of(400), "bad-request/invalid-cursor"));
        }
        // methods nobody documented
        for (String method : List.of("PUT", "TRACE", "FOO", "CONNECT")) {
            cases.add(new Case("method " + method, request(method, BASE + "/api_keys", site, null, null), Set.of(400, 405), null));
        }
        cases.add(new Case("method override header ignored", ("GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\nX-FilesAPI-Key: "
                + site + "\r\nX-HTTP-Method-Override: DELETE\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                Set.of(200), null));
        return cases;
    }

    @Test
    void aFloodOfWrongKeysIsTurnedAwayBeforeAnyHashWithRetryAfter() throws Exception {
        String wrong = api.store.siteKey("real").secret().reveal();
        wrong = wrong.substring(0, wrong.length() - 8) + "AAAAAAAA";
        long auditedBefore = failuresAudited();
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Answer last = null;
        for (int i = 0; i < 60; i++) {
            last = RawHttp.send(api.server.port(), request("GET", BASE + "/api_key", wrong, null, null));
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 60)).containsOnly(429);
        assertThat(last.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(ApiHarness.JSON.readTree(last.body()).get("type").stringValue()).isEqualTo("rate-limited/too-many-login-attempts");
        // only the ten keys looked at were checked (and audited); the fifty after were refused unread
        assertThat(failuresAudited() - auditedBefore).isEqualTo(10);
        // the address waits, even with a right key; then it may go on
        assertThat(RawHttp.send(api.server.port(), request("GET", BASE + "/api_key", site, null, null)).status()).isEqualTo(429);
        api.store.clock.advance(Duration.ofMinutes(2));
        assertThat(RawHttp.send(api.server.port(), request("GET", BASE + "/api_key", site, null, null)).status()).isEqualTo(200);
    }

    @Test
    void slowClientsCannotHoldTheServer() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < TEST_LIMITS.perAddress() + 4; i++) {
                Socket s = new Socket("127.0.0.1", api.server.port());
                OutputStream out = s.getOutputStream();
                out.write(("GET " + BASE + "/api_key HTTP/1.1\r\nHost: x\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            // the idle limit closes every one of them, however many: each read ends
            for (Socket s : slow) {
                s.setSoTimeout(15_000);
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        assertThat(api.get("/api_key", site).status()).isEqualTo(200);
    }

    private long failuresAudited() {
        return StoreSnapshot.audit(api.store).stream().filter(e -> e.action().equals("api_key.authentication_failed")).count();
    }

    private Case post(String what, String body, String contentType, int status, String type) {
        return new Case(what, request("POST", BASE + "/api_keys", site, contentType, body.getBytes(StandardCharsets.UTF_8)),
                Set.of(status), type);
    }

    private static Case raw(String what, String request, Set<Integer> statuses, String type) {
        return new Case(what, request.getBytes(StandardCharsets.UTF_8), statuses, type);
    }

    static byte[] request(String method, String target, String key, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        if (key != null) {
            head.append("X-FilesAPI-Key: ").append(key).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + (body == null ? 0 : body.length)];
        System.arraycopy(h, 0, all, 0, h.length);
        if (body != null) {
            System.arraycopy(body, 0, all, h.length, body.length);
        }
        return all;
    }

    private byte[] chunked(byte[] body) {
        String head = "POST " + BASE + "/api_keys HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-FilesAPI-Key: " + site
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        StringBuilder b = new StringBuilder(head);
        for (int i = 0; i < body.length; i += 4096) {
            int n = Math.min(4096, body.length - i);
            b.append(Integer.toHexString(n)).append("\r\n").append(new String(body, i, n, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        b.append("0\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
