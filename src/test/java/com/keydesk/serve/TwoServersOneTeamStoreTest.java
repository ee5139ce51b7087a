package com.keydesk.serve;

import com.keydesk.domain.NewKey;
import com.keydesk.service.Services;
import com.keydesk.service.StoreCreation;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers behind a load balancer on one team store: nothing one of them needs is held only in
 * the other's memory. A key each has verified (and cached) is refused by both the moment one of
 * them revokes it; wrong keys sent to either count against the address on both.
 */
class TwoServersOneTeamStoreTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aKeyRevokedThroughOneServerIsRefusedByTheOtherAtOnce() throws Exception {
        TeamStore store = new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        var created = StoreCreation.create(store, "Acme", TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray(),
                TwoServersOneTeamStoreTest::wire);
        String key = created.services().keys().create(created.session(), NewKey.site("deploy", null, null)).secret().reveal();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Database secondDb = Database.open(store);
             ApiServer one = ApiServer.start(created.services(), "127.0.0.1", 0, null, ServerLimits.STANDARD, quiet);
             ApiServer two = ApiServer.start(wire(secondDb), "127.0.0.1", 0, null, ServerLimits.STANDARD, quiet)) {
            for (int i = 0; i < 3; i++) {   // both have checked it, so both may hold it as verified
                assertThat(status("GET", one, key)).isEqualTo(200);
                assertThat(status("GET", two, key)).isEqualTo(200);
            }
            assertThat(status("DELETE", one, key)).isEqualTo(204);
            assertThat(status("GET", two, key)).isEqualTo(401);
            assertThat(status("GET", one, key)).isEqualTo(401);
        } finally {
            created.db().close();
        }
    }

    @Test
    void wrongKeysSentToEitherServerCountTogether() throws Exception {
        MutableClock clock = new MutableClock();
        TeamStore store = new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        var created = StoreCreation.create(store, "Acme", TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray(),
                db -> wire(db, clock));
        String right = created.services().keys().create(created.session(), NewKey.site("deploy", null, null)).secret().reveal();
        String wrong = right.substring(0, right.length() - 8) + "AAAAAAAA";
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Database secondDb = Database.open(store);
             Database thirdDb = Database.open(store);
             ApiServer one = ApiServer.start(created.services(), "127.0.0.1", 0, null, ServerLimits.STANDARD, quiet);
             ApiServer two = ApiServer.start(wire(secondDb, clock), "127.0.0.1", 0, null, ServerLimits.STANDARD, quiet)) {
            assertThat(status("GET", one, right)).isEqualTo(200);
            assertThat(status("GET", two, right)).isEqualTo(200);
            // ten wrong keys from one address, taken turn about: five each, the limit in all
            for (int i = 0; i < 5; i++) {
                assertThat(status("GET", one, wrong)).isEqualTo(401);
                assertThat(status("GET", two, wrong)).isEqualTo(401);
            }
            // the server that counted the tenth turns the address away at once, even with the right key
            assertThat(status("GET", two, right)).isEqualTo(429);
            // one that has just started reads the count from the store before looking at any key
            try (ApiServer three = ApiServer.start(wire(thirdDb, clock), "127.0.0.1", 0, null, ServerLimits.STANDARD, quiet)) {
                assertThat(status("GET", three, right)).isEqualTo(429);
            }
            // the other learns it within a second (it trusts a reading of the store for that long)
            clock.advance(Duration.ofSeconds(2));
            assertThat(status("GET", one, right)).isEqualTo(429);
            assertThat(status("GET", one, wrong)).isEqualTo(429);
            // the wait ends for both together
            clock.advance(Duration.ofMinutes(2));
            assertThat(status("GET", one, right)).isEqualTo(200);
            assertThat(status("GET", two, right)).isEqualTo(200);
        } finally {
            created.db().close();
        }
    }

    private int status(String method, ApiServer server, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/rest/v1/api_key"))
                .header("X-FilesAPI-Key", key).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Services wire(Database db) {
        return wire(db, Clock.systemUTC());
    }

    private static Services wire(Database db, Clock clock) {
        return Services.over(db, TestStore.CHEAP, clock, new SecureRandom());
    }
}
