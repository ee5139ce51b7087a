package com.keydesk.serve;

import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each endpoint of docs/api.md over real HTTP, with Files.com's shapes, and the error rows. */
class ApiEndpointsTest {
    @TempDir
    Path temp;
    ApiHarness api;
    String site;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(temp);
        site = api.siteKey();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void findCurrentAnswersTheCallingKeyInFilesComShape() throws Exception {
        var r = api.get("/api_key", site);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode k = r.json();
        assertThat(k.get("id").isIntegralNumber()).isTrue();
        assertThat(k.get("user_id").isNull()).isTrue();
        assertThat(k.get("permission_set").stringValue()).isEqualTo("full");
        assertThat(k.get("created_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(k.has("key")).isFalse();
        for (String f : List.of("id", "descriptive_label", "description", "created_at", "expires_at", "last_use_at",
                "name", "permission_set", "platform", "url", "user_id", "path")) {
            assertThat(k.has(f)).as(f).isTrue();
        }
    }

    @Test
    void createShowsTheSecretOnceThenShowUpdateDelete() throws Exception {
        var created = api.call("POST", "/api/rest/v1/api_keys", site,
                "{\"name\":\"ci deploy\",\"description\":\"d\",\"expires_at\":\"2099-01-02T03:04:05Z\",\"permission_set\":\"full\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("key").stringValue();
        long id = created.json().get("id").longValue();
        assertThat(created.json().get("expires_at").stringValue()).isEqualTo("2099-01-02T03:04:05Z");

        var shown = api.get("/api_keys/" + id + "?id=" + id, site);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().has("key")).isFalse();
        assertThat(shown.json().get("name").stringValue()).isEqualTo("ci deploy");

        var updated = api.call("PATCH", "/api/rest/v1/api_keys/" + id, site,
                "{\"id\":" + id + ",\"name\":\"renamed\",\"expires_at\":\"2098-01-01\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").stringValue()).isEqualTo("renamed");
        assertThat(updated.json().get("expires_at").stringValue()).isEqualTo("2098-01-01T00:00:00Z");

        assertThat(api.get("/api_key", secret).status()).isEqualTo(200);
        var deleted = api.call("DELETE", "/api/rest/v1/api_keys/" + id, site, "{\"id\":" + id + "}");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.raw().body()).isEmpty();
        assertThat(deleted.header("Content-Type")).isNull();

        assertThat(api.get("/api_keys/" + id, site).type()).isEqualTo("not-found/api-key-not-found");
        assertThat(api.get("/api_key", secret).type()).isEqualTo("not-authenticated/invalid-credentials");
    }

    @Test
    void updateAndDeleteCurrent() throws Exception {
        var created = api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"self\"}");
        String self = created.json().get("key").stringValue();

        var patched = api.call("PATCH", "/api/rest/v1/api_key", self, "{\"name\":\"self renamed\",\"permission_set\":\"full\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").stringValue()).isEqualTo("self renamed");

        assertThat(api.call("DELETE", "/api/rest/v1/api_key", self, null).status()).isEqualTo(204);
        assertThat(api.get("/api_key", self).status()).isEqualTo(401);
    }

    @Test
    void createForAUserByIdAndForOneself() throws Exception {
        Session bob = api.store.addUser("bob");
        var r = api.call("POST", "/api/rest/v1/api_keys", site,
                "{\"name\":\"for bob\",\"user_id\":" + bob.userId() + ",\"permission_set\":\"desktop_app\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("user_id").longValue()).isEqualTo(bob.userId());
        assertThat(r.json().get("permission_set").stringValue()).isEqualTo("desktop_app");

        String bobKey = api.userKey(api.store.admin, "bob", PermissionSet.FULL).secret().reveal();
        api.store.allowUsersToCreateKeys(true);
        var own = api.call("POST", "/api/rest/v1/api_keys", bobKey, "{\"name\":\"mine\",\"user_id\":0}");
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("user_id").longValue()).isEqualTo(bob.userId());
    }

    /** The site's key policy holds over HTTP too: the same service calls, Files.com's error shape. */
    @Test
    void aNonAdministratorsKeyMustExpireWithinTheSitesMaximumAndGetsTheSitesDefaultSet() throws Exception {
        Session bob = api.store.addUser("bob");
        String bobKey = api.userKey(api.store.admin, "bob", PermissionSet.FULL).secret().reveal();
        api.store.allowUsersToCreateKeys(true);
        api.store.services.site().setMaxKeyLifetimeDays(api.store.admin, 30);
        String inTenDays = java.time.LocalDate.ofInstant(api.store.clock.instant().plus(java.time.Duration.ofDays(10)),
                java.time.ZoneOffset.UTC).toString();
        String inSixtyDays = java.time.LocalDate.ofInstant(api.store.clock.instant().plus(java.time.Duration.ofDays(60)),
                java.time.ZoneOffset.UTC).toString();

        var forever = api.call("POST", "/api/rest/v1/api_keys", bobKey, "{\"name\":\"forever\",\"user_id\":0}");
        assertError(forever, 403, "not-authorized/site-admin-required");
        assertThat(forever.json().get("error").stringValue()).startsWith("On this site a key made by anyone but an"
                + " administrator must expire within 30 days: choose an expiry on or before ");
        assertError(api.call("POST", "/api/rest/v1/api_keys", bobKey,
                "{\"name\":\"long\",\"user_id\":0,\"expires_at\":\"" + inSixtyDays + "\"}"), 403, "not-authorized/site-admin-required");

        var within = api.call("POST", "/api/rest/v1/api_keys", bobKey,
                "{\"name\":\"within\",\"user_id\":0,\"expires_at\":\"" + inTenDays + "\"}");
        assertThat(within.status()).as(within.raw().body()).isEqualTo(201);
        assertThat(within.json().get("permission_set").stringValue()).isEqualTo("files_only");
        long id = within.json().get("id").longValue();
        assertError(api.call("PATCH", "/api/rest/v1/api_keys/" + id, bobKey,
                "{\"id\":" + id + ",\"expires_at\":\"" + inSixtyDays + "\"}"), 403, "not-authorized/site-admin-required");
        // an administrator is not limited
        var admins = api.call("POST", "/api/rest/v1/api_keys", site,
                "{\"name\":\"for bob\",\"user_id\":" + bob.userId() + "}");
        assertThat(admins.status()).isEqualTo(201);
        assertThat(admins.json().get("expires_at").isNull()).isTrue();
    }

    @Test
    void listPagesWithCursorsUntilTheLastPageHasNone() throws Exception {
        for (int i = 0; i < 6; i++) {
            api.siteKey();
        }
        Set<Long> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var r = api.get("/api_keys?per_page=3&page=2" + (cursor == null ? "" : "&cursor=" + cursor), site);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().isArray()).isTrue();
            r.json().forEach(k -> assertThat(seen.add(k.get("id").longValue())).isTrue());
            cursor = r.header("X-Files-Cursor");
            assertThat(r.header("X-Files-Cursor-Next")).isEqualTo(cursor);
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(7);
        assertThat(pages).isEqualTo(3);

        var all = api.get("/api_keys", site);
        assertThat(all.json().size()).isEqualTo(7);
        assertThat(all.header("X-Files-Cursor")).isNull();
    }

    @Test
    void cursorIsStableWhileKeysAreAddedAndRemovedBetweenPages() throws Exception {
        for (int i = 0; i < 9; i++) {
            api.siteKey();
        }
        var first = api.get("/api_keys?per_page=4", site);
        List<Long> firstIds = ids(first.json());
        // between pages: a new key, and one key of the first page and one not yet listed removed
        api.siteKey();
        api.store.services.keys().revoke(api.store.admin, firstIds.get(1));
        long notYetListed = firstIds.getLast() - 2;
        api.store.services.keys().revoke(api.store.admin, notYetListed);

        Set<Long> rest = new HashSet<>();
        String cursor = first.header("X-Files-Cursor");
        while (cursor != null) {
            var r = api.get("/api_keys?per_page=4&cursor=" + cursor, site);
            rest.addAll(ids(r.json()));
            cursor = r.header("X-Files-Cursor");
        }
        assertThat(rest).doesNotContainAnyElementsOf(firstIds).doesNotContain(notYetListed);
        assertThat(rest).hasSize(10 - 4 - 1);
    }

    @Test
    void sortAndFilterByExpiry() throws Exception {
        for (String day : List.of("2091-01-01", "2093-01-01", "2092-01-01")) {
            api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"e" + day + "\",\"expires_at\":\"" + day + "\"}");
        }
        var asc = api.get("/api_keys?sort_by[expires_at]=asc&filter_gt[expires_at]=2090-01-01&per_page=2", site);
        assertThat(asc.json().get(0).get("expires_at").stringValue()).startsWith("2091");
        assertThat(asc.json().get(1).get("expires_at").stringValue()).startsWith("2092");
        var next = api.get("/api_keys?sort_by[expires_at]=asc&filter_gt[expires_at]=2090-01-01&per_page=2&cursor="
                + asc.header("X-Files-Cursor"), site);
        assertThat(next.json().size()).isEqualTo(1);
        assertThat(next.json().get(0).get("expires_at").stringValue()).startsWith("2093");
        assertThat(next.header("X-Files-Cursor")).isNull();

        var desc = api.get("/api_keys?sort_by%5Bexpires_at%5D=desc&filter_lteq%5Bexpires_at%5D=2092-01-01", site);
        assertThat(desc.json().size()).isEqualTo(2);
        assertThat(desc.json().get(0).get("expires_at").stringValue()).startsWith("2092");

        // a cursor of one list is not taken for another
        var foreign = api.get("/api_keys?sort_by[expires_at]=desc&cursor=" + asc.header("X-Files-Cursor"), site);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.type()).isEqualTo("bad-request/invalid-cursor");
    }

    @Test
    void errorRowsOfTheTable() throws Exception {
        assertError(api.get("/api_key", null), 401, "not-authenticated/authentication-required");
        assertError(api.get("/api_key", "kds_notakey"), 401, "not-authenticated/invalid-credentials");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":"), 400, "bad-request/invalid-body");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "[1]"), 400, "bad-request/invalid-body");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":5}"), 400, "bad-request/request-params-invalid");
        assertError(api.get("/api_keys?per_page=0", site), 400, "bad-request/request-params-invalid");
        assertError(api.get("/api_keys?per_page=10001", site), 400, "bad-request/request-params-invalid");
        assertError(api.get("/api_keys?cursor=forged", site), 400, "bad-request/invalid-cursor");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"x\",\"expires_at\":\"tomorrow\"}"),
                400, "bad-request/datetime-parse");
        assertError(api.get("/api_keys/999999", site), 404, "not-found/api-key-not-found");
        assertError(api.get("/api_keys?user_id=424242", site), 404, "not-found/user-not-found");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"x\",\"user_id\":424242}"),
                404, "not-found/user-not-found");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"x\",\"expires_at\":\"2001-01-01\"}"),
                422, "processing-failure/model-save-error");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"   \"}"), 422, "processing-failure/model-save-error");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{}"), 422, "processing-failure/model-save-error");
        assertError(api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"x\",\"permission_set\":\"root\"}"),
                422, "processing-failure/model-save-error");
    }

    @Test
    void healthNeedsNoKey() throws Exception {
        var r = api.call("GET", "/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").stringValue()).isEqualTo("ok");
    }

    @Test
    void accessLogHasOneLinePerRequestWithTheKeyIdAndNoSecretOrQueryValue() throws Exception {
        var created = api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"logged\"}");
        String secret = created.json().get("key").stringValue();
        api.get("/api_keys?per_page=2&cursor=abc", secret);
        api.get("/api_key", "kdu_wrongwrongwrong");

        String log = api.accessLogOf(3);
        assertThat(log).doesNotContain(secret).doesNotContain(site).doesNotContain("wrongwrong").doesNotContain("abc");
        assertThat(log).contains("GET /api/rest/v1/api_keys?per_page=&cursor= 400");
        assertThat(log).contains("key=" + created.json().get("id").longValue());
        assertThat(log.lines().count()).isEqualTo(3);
    }

    @Test
    void everyChangeAndRefusalIsAuditedWithKeyIdAndClientAddress() throws Exception {
        long siteId = api.get("/api_key", site).json().get("id").longValue();
        api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"audited\"}");
        api.get("/api_key", "kdu_wrongwrongwrong");
        Session bob = api.store.addUser("bob");
        String bobKey = api.userKey(api.store.admin, "bob", PermissionSet.FULL).secret().reveal();
        api.get("/api_keys/" + siteId, bobKey);

        var entries = api.store.services.audit().entries(api.store.admin);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("api_key.created");
            assertThat(e.actor()).isEqualTo("api_key:" + siteId);
            assertThat(e.detail()).contains("via api_key:" + siteId + " from 127.0.0.1");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("api_key.authentication_failed");
            assertThat(e.detail()).contains("127.0.0.1").doesNotContain("wrongwrong");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.detail()).contains("from 127.0.0.1");
        });
        assertThat(bob).isNotNull();
    }

    static void assertError(ApiHarness.Reply r, int status, String type) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("http-code").intValue()).isEqualTo(status);
        assertThat(r.type()).isEqualTo(type);
        assertThat(r.json().get("error").stringValue()).isNotBlank();
        assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("com.keydesk").doesNotContain("SELECT");
    }

    static List<Long> ids(JsonNode array) {
        List<Long> out = new java.util.ArrayList<>();
        array.forEach(k -> out.add(k.get("id").longValue()));
        return out;
    }
}
