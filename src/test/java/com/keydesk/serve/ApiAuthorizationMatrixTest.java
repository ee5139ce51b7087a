package com.keydesk.serve;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what through the API (docs/api.md "Who may do what"): the same service rules as the
 * app and the command line, plus "only a full key manages keys". One row per kind of key.
 */
class ApiAuthorizationMatrixTest {
    @TempDir
    Path temp;
    ApiHarness api;
    Session bob;
    long aliceKeyId;
    String site;
    String adminKey;
    String bobFull;
    String bobDesktop;
    String disabled;
    String expired;
    String revoked;

    @BeforeEach
    void keys() throws Exception {
        // many refused keys from one address on purpose here: the throttle has its own test (HostileHttpTest)
        api = new ApiHarness(temp, ServerLimits.STANDARD, ApiHarness.allowingFailures(1000));
        var services = api.store.services;
        bob = api.store.addUser("bob");
        api.store.allowUsersToCreateKeys(true);
        site = api.siteKey();
        var alices = api.userKey(api.store.admin, "alice", PermissionSet.FULL);
        aliceKeyId = alices.key().id();
        adminKey = alices.secret().reveal();
        bobFull = api.userKey(api.store.admin, "bob", PermissionSet.FULL).secret().reveal();
        bobDesktop = api.userKey(api.store.admin, "bob", PermissionSet.DESKTOP_APP).secret().reveal();
        var toDisable = api.userKey(api.store.admin, "bob", PermissionSet.FULL);
        services.keys().disable(api.store.admin, toDisable.key().id());
        disabled = toDisable.secret().reveal();
        expired = services.keys().create(api.store.admin, NewKey.forUser("bob", "short", null, PermissionSet.FULL,
                api.store.clock.instant().plus(Duration.ofHours(1)))).secret().reveal();
        var toRevoke = api.userKey(api.store.admin, "bob", PermissionSet.FULL);
        revoked = toRevoke.secret().reveal();
        services.keys().revoke(api.store.admin, toRevoke.key().id());
        api.store.clock.advance(Duration.ofHours(2));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void eachKindOfKeyGetsWhatTheRulesSay() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String[] who : new String[][]{{"site", site}, {"admin", adminKey}, {"bob-full", bobFull},
                {"bob-desktop_app", bobDesktop}, {"disabled", disabled}, {"expired", expired}, {"revoked", revoked}}) {
            rows.add(who[0] + ": " + String.join(" ",
                    outcome(api.get("/api_key", who[1])),
                    outcome(api.get("/api_keys", who[1])),
                    outcome(api.get("/api_keys/" + aliceKeyId, who[1])),
                    outcome(api.get("/api_keys?user_id=" + api.store.admin.userId(), who[1])),
                    outcome(api.call("POST", "/api/rest/v1/api_keys", who[1], "{\"name\":\"site one\"}")),
                    outcome(api.call("POST", "/api/rest/v1/api_keys", who[1],
                            "{\"name\":\"for alice\",\"user_id\":" + api.store.admin.userId() + "}")),
                    outcome(api.call("POST", "/api/rest/v1/api_keys", who[1],
                            "{\"name\":\"for bob\",\"user_id\":" + bob.userId() + "}"))));
        }
        assertThat(rows).containsExactly(
                "site: 200 200 200 200 201 201 201",
                "admin: 200 200 200 200 201 201 201",
                "bob-full: 200 200 404:not-found/api-key-not-found 403:not-authorized/cant-act-for-other-user"
                        + " 403:not-authorized/site-admin-required 403:not-authorized/cant-act-for-other-user 201",
                "bob-desktop_app: 200 " + "403:not-authorized/full-permission-required ".repeat(5) + "403:not-authorized/full-permission-required",
                "disabled: " + "403:not-authorized/api-key-is-disabled ".repeat(6) + "403:not-authorized/api-key-is-disabled",
                "expired: " + "401:not-authenticated/invalid-credentials ".repeat(6) + "401:not-authenticated/invalid-credentials",
                "revoked: " + "401:not-authenticated/invalid-credentials ".repeat(6) + "401:not-authenticated/invalid-credentials");
    }

    @Test
    void aUserKeyListsOnlyItsOwnersKeys() throws Exception {
        var r = api.get("/api_keys", bobFull);
        r.json().forEach(k -> assertThat(k.get("user_id").longValue()).isEqualTo(bob.userId()));
        var own = api.get("/api_keys?user_id=0", bobFull);
        assertThat(own.json().size()).isEqualTo(r.json().size());
    }

    @Test
    void aKeyRevokedAfterItWasVerifiedActsNoMore() throws Exception {
        var created = api.call("POST", "/api/rest/v1/api_keys", site, "{\"name\":\"soon gone\"}");
        String secret = created.json().get("key").stringValue();
        assertThat(api.get("/api_keys", secret).status()).isEqualTo(200);   // verified once: in the cache now

        api.store.services.keys().revoke(api.store.admin, created.json().get("id").longValue());

        assertThat(api.get("/api_keys", secret).status()).isEqualTo(401);
    }

    @Test
    void whenTheSettingIsOffAUserKeyCannotManageItsOwnKeys() throws Exception {
        api.store.allowUsersToCreateKeys(false);
        var r = api.call("POST", "/api/rest/v1/api_keys", bobFull, "{\"name\":\"x\",\"user_id\":0}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.type()).isEqualTo("not-authorized/site-admin-required");
    }

    private static String outcome(ApiHarness.Reply r) {
        return r.status() < 300 ? String.valueOf(r.status()) : r.status() + ":" + r.type();
    }
}
