package com.keydesk.serve;

import com.keydesk.domain.NewKey;
import com.keydesk.service.Services;
import com.keydesk.service.StoreCreation;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.TeamStore;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers behind a load balancer on one team store: nothing one of them needs is held only in
 * the other's memory. A key each has verified (and cached) is refused by both the moment one of
 * them revokes it.
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

    private int status(String method, ApiServer server, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/rest/v1/api_key"))
                .header("X-FilesAPI-Key", key).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Services wire(Database db) {
        return Services.over(db, TestStore.CHEAP, Clock.systemUTC(), new SecureRandom());
    }
}
