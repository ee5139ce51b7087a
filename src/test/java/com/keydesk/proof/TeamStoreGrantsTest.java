package com.keydesk.proof;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.StoreCreation;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The grants the README gives a DBA (docs/team-store/*.sql, run here as written): the owner role
 * makes the store, the runtime role does everything KeyDesk does day to day, and for the runtime
 * role the audit log is append-only in the database itself, not only in KeyDesk's code.
 */
class TeamStoreGrantsTest {
    private final PgCluster pg = PgCluster.get();

    @Test
    void theRuntimeRoleWorksAndCannotRewriteTheAuditLog() throws Exception {
        String database = PgCluster.databaseOf(pg.newDatabase()) + "_grants";
        String dba = Files.readString(Path.of("docs/team-store/1-as-dba.sql")).replace("DATABASE keydesk", "DATABASE " + database);
        int split = dba.indexOf("-- then, connected to the database keydesk");
        run("postgres", "postgres", dba.substring(0, split));
        run(database, "postgres", dba.substring(split));

        TeamStore owner = store(database, "keydesk_owner");
        StoreCreation.create(owner, "Acme", TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray(), TeamStoreGrantsTest::wire)
                .db().close();
        run(database, "keydesk_owner", Files.readString(Path.of("docs/team-store/2-as-owner-after-init.sql")));

        try (Database db = Database.open(store(database, "keydesk_app"))) {
            Services services = wire(db);
            Session admin = services.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
            services.users().add(admin, "bob", null, false, "bob password 123".toCharArray());
            services.site().setUsersCanCreateApiKeys(admin, true);
            IssuedKey key = services.keys().create(admin, NewKey.forUser("bob", "sync", null, PermissionSet.FULL, null));
            assertThat(services.verifier().verify(key.secret().reveal()).id()).isEqualTo(key.key().id());
            services.keys().disable(admin, key.key().id());
            services.keys().enable(admin, key.key().id(), PermissionSet.FULL);
            services.keys().replace(admin, key.key().id());
            services.keys().revoke(admin, services.keys().create(admin, NewKey.site("gone", null, null)).key().id());
            assertThatThrownBy(() -> services.auth().signIn("bob", "wrong password!!".toCharArray()));
            services.auth().signIn("bob", "bob password 123".toCharArray());
            services.users().setActive(admin, "bob", false);
            assertThat(services.audit().verify(admin).intact()).isTrue();
        }

        for (String change : List.of("UPDATE audit_entry SET detail = 'rewritten'", "DELETE FROM audit_entry",
                "TRUNCATE audit_entry", "DROP TABLE audit_entry", "CREATE TABLE extra (x int)",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'")) {
            assertThatThrownBy(() -> run(database, "keydesk_app", change)).as(change)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    private TeamStore store(String database, String role) {
        return new TeamStore(PgAddress.parse("postgresql://" + role + "@127.0.0.1:" + pg.port() + "/" + database, role), null);
    }

    private static Services wire(Database db) {
        return Services.over(db, TestStore.CHEAP, Clock.systemUTC(), new SecureRandom());
    }

    /** Runs a script's statements one by one as {@code role} (the cluster trusts local connections). */
    private void run(String database, String role, String script) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database;
        try (Connection c = DriverManager.getConnection(url, role, ""); Statement s = c.createStatement()) {
            String withoutComments = script.lines().filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b);
            for (String statement : Arrays.stream(withoutComments.split(";")).map(String::strip)
                    .filter(t -> !t.isEmpty()).toList()) {
                s.execute(statement);
            }
        }
    }
}
