package com.keydesk.proof;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.service.Services;
import com.keydesk.service.StoreCreation;
import com.keydesk.service.TeamStoreRestore;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What a team store address leads to, on a real PostgreSQL server: a database that is not a
 * KeyDesk store, a newer one, or one holding what KeyDesk did not make is refused and left exactly
 * as it was; an unreachable server is one sentence within a bounded time; init that fails leaves
 * the database empty; a local store moves into an empty database with every key still verifying.
 */
class TeamStoreOpeningTest {
    private final PgCluster pg = PgCluster.get();

    private static TeamStore team(String url) {
        return new TeamStore(PgAddress.parse(url, "postgres"), null);
    }

    private TeamStore freshKeyDeskStore() {
        TeamStore store = team(pg.newDatabase());
        StoreCreation.create(store, "Acme", TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray(), TeamStoreOpeningTest::wire)
                .db().close();
        return store;
    }

    private static Services wire(Database db) {
        return Services.over(db, TestStore.CHEAP, Clock.systemUTC(), new SecureRandom());
    }

    private String catalogue(String url) {
        return pg.psql(PgCluster.databaseOf(url), "SELECT string_agg(relname || ':' || relkind::text, ',' ORDER BY relname)"
                + " FROM pg_class WHERE relnamespace = 'public'::regnamespace");
    }

    @Test
    void aDatabaseOfAnotherProgramIsRefusedAndLeftAsItWas() {
        String url = pg.newDatabase();
        pg.psql(PgCluster.databaseOf(url), "CREATE TABLE invoices (id int primary key)");
        String before = catalogue(url);
        for (Runnable attempt : List.<Runnable>of(() -> Database.open(team(url)), () -> Database.create(team(url)))) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
                assertThat(e.getMessage()).contains("is not a KeyDesk store").contains("table public.invoices");
            });
        }
        assertThat(catalogue(url)).isEqualTo(before);
    }

    @Test
    void anEmptyDatabaseIsNoStoreUntilInitMakesOne() {
        TeamStore store = team(pg.newDatabase());
        assertThatThrownBy(() -> Database.open(store)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
        assertThat(Database.probe(store)).hasValueSatisfying(s -> assertThat(s).contains("is empty"));
        assertThat(Database.exists(store)).isFalse();
        StoreCreation.create(store, "Acme", "alice", "correct horse battery staple".toCharArray(),
                TeamStoreOpeningTest::wire).db().close();
        assertThat(Database.exists(store)).isTrue();
        assertThat(Database.probe(store)).isEmpty();
        assertThatThrownBy(() -> Database.create(store)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
    }

    @Test
    void aStoreWrittenByANewerKeyDeskIsRefusedUntouched() {
        TeamStore store = freshKeyDeskStore();
        String db = store.address().database();
        pg.psql(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 1, 'x', 1, true)");
        String history = pg.psql(db, "SELECT count(*) FROM flyway_schema_history");
        assertThatThrownBy(() -> Database.open(store)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NEWER_VERSION);
            assertThat(e.getMessage()).contains("newer KeyDesk").contains("schema 99");
        });
        assertThat(pg.psql(db, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(history);
    }

    @Test
    void whatKeyDeskDidNotMakeInItsSchemaIsRefused() {
        List<String> additions = List.of(
                "CREATE FUNCTION steal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
                        + " CREATE TRIGGER copy_keys AFTER INSERT ON api_key FOR EACH ROW EXECUTE FUNCTION steal()",
                "CREATE RULE hide AS ON UPDATE TO audit_entry DO INSTEAD NOTHING",
                "CREATE VIEW all_hashes AS SELECT secret_hash FROM api_key",
                "ALTER TABLE api_key ENABLE ROW LEVEL SECURITY; CREATE POLICY only_some ON api_key USING (id < 5)",
                "CREATE FUNCTION helper() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        List<String> named = new ArrayList<>();
        for (String addition : additions) {
            TeamStore store = freshKeyDeskStore();
            pg.psql(store.address().database(), addition);
            assertThatThrownBy(() -> Database.open(store)).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.CHANGED_OUTSIDE);
                named.add(e.getMessage().replaceAll(".*holds (a [a-z -]+ [a-z_]+).*", "$1"));
            });
        }
        assertThat(named).containsExactly("a trigger copy_keys", "a rule hide", "a view or foreign table all_hashes",
                "a row-level security policy only_some", "a function helper");
    }

    @Test
    void aServerThatIsNotThereIsOneSentenceWithinBoundedTime() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TeamStore nowhere = team("postgresql://postgres@127.0.0.1:" + closedPort + "/keydesk?connect_timeout=2");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> Database.open(nowhere)).isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("Nothing answers at 127.0.0.1:" + closedPort
                            + ": is PostgreSQL running there and reachable from this machine?");
                }));
        assertThat(Database.probe(team("postgresql://postgres@127.0.0.1:" + pg.port() + "/no_such_db")))
                .hasValue("There is no database no_such_db on 127.0.0.1:" + pg.port() + ".");
        assertThat(Database.probe(team("postgresql://postgres@127.0.0.1:" + pg.port() + "/x?sslmode=require")))
                .hasValueSatisfying(s -> assertThat(s).contains("does not offer TLS"));
    }

    @Test
    void aCallOnAnOpenStoreWhoseServerStoppedFailsWithOneSentenceInBoundedTime() {
        TeamStore store = freshKeyDeskStore();
        try (Database db = Database.open(store)) {
            Services services = wire(db);
            var admin = services.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
            pg.stop();
            try {
                long started = System.nanoTime();
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() ->
                        services.keys().create(admin, com.keydesk.domain.NewKey.site("during outage", null, null)))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                            assertThat(e.getMessage()).contains("127.0.0.1:" + pg.port());
                        }));
                System.out.printf("a call on a stopped team store failed after %d ms%n",
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                pg.start();
            }
            assertThat(services.keys().create(admin, com.keydesk.domain.NewKey.site("after", null, null)).key().name())
                    .as("the pool replaces the broken connections once the server is back").isEqualTo("after");
        }
    }

    @Test
    void initThatCannotFinishLeavesTheDatabaseEmpty() {
        String url = pg.newDatabase();
        assertThatThrownBy(() -> StoreCreation.create(team(url), "Acme", "alice",
                "correct horse battery staple".toCharArray(), db -> {
                    throw new IllegalStateException("wiring failed");
                })).hasMessage("wiring failed");
        assertThat(catalogue(url)).isEmpty();
    }

    @Test
    void aLocalStoreMovesToAnEmptyTeamStoreWithEveryKeyStillVerifying(@TempDir Path dir) {
        Path backup = dir.resolve("local.zip");
        List<String> secrets = new ArrayList<>();
        try (TestStore local = TestStore.in(dir)) {
            var bob = local.addUser("bob");
            local.allowUsersToCreateKeys(true);
            for (int i = 0; i < 3; i++) {
                secrets.add(local.siteKey("site " + i).secret().reveal());
            }
            IssuedKey bobs = local.services.keys().create(bob, com.keydesk.domain.NewKey.forUser("bob", "bob's", null,
                    com.keydesk.domain.PermissionSet.FULL, null));
            secrets.add(bobs.secret().reveal());
            local.services.keys().revoke(local.admin, local.siteKey("gone").key().id());
            local.services.backups().backup(local.admin, backup);
        }
        TeamStore target = team(pg.newDatabase());
        var outcome = TeamStoreRestore.restore(target, backup, Clock.systemUTC());
        assertThat(outcome.siteName()).isEqualTo("Acme");
        try (Database db = Database.open(target)) {
            Services services = wire(db);
            for (String secret : secrets) {
                assertThat(services.verifier().verify(secret).name()).isNotBlank();
            }
            var admin = services.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
            assertThat(services.audit().verify(admin).intact()).isTrue();
            assertThat(services.audit().entries(admin)).anySatisfy(e -> assertThat(e.action()).isEqualTo("store.restored"));
        }
        // a team store people already use is never restored over
        assertThatThrownBy(() -> TeamStoreRestore.restore(target, backup, Clock.systemUTC()))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
        assertThat(Database.exists(target)).isTrue();
    }
}
