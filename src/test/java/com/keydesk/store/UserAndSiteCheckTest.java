package com.keydesk.store;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.StoreCreation;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one statement that reads a user ({@link UserCheck}) or the site ({@link SiteCheck}) with what
 * binds it to the audit chain gives what the separate reads it replaces give, on both engines: the
 * user as UserRepository maps it (its key count too), the site as SiteRepository does, each row's
 * canonical state as RowStates writes it (a missing display name, a reset's flag, the site's
 * settings as migrated or changed), and the chain's newest digest of it.
 */
class UserAndSiteCheckTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneStatementReadsWhatTheSeparateReadsRead(String engine) {
        MutableClock clock = new MutableClock();
        StoreAddress address = engine.equals("h2") ? new StoreAddress.Local(temp.resolve("store"))
                : new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        StoreCreation.Created store = StoreCreation.create(address, "Acme", TestStore.ADMIN,
                TestStore.ADMIN_PASSWORD.toCharArray(), db -> Services.over(db, TestStore.CHEAP, clock, new SecureRandom()));
        try {
            Services services = store.services();
            Session admin = store.session();
            checkSite(store.db());   // the settings as a new store has them
            services.users().add(admin, "Bob", "Bob Example", false, "bob password 123".toCharArray());
            services.users().add(admin, "carol", null, true, "carol password 123".toCharArray());
            services.keys().create(admin, NewKey.forUser("bob", "bob's", null, PermissionSet.FULL, null));
            services.keys().create(admin, NewKey.forUser("bob", "bob's too", null, PermissionSet.FULL, null));
            services.users().setActive(admin, "carol", false);
            services.site().setDefaultPermissionSet(admin, PermissionSet.DESKTOP_APP);
            services.site().setMaxKeyLifetimeDays(admin, 90);
            checkSite(store.db());
            for (String username : new String[]{TestStore.ADMIN, "Bob", "carol"}) {
                store.db().inTransaction(cfg -> {
                    UserRepository users = new UserRepository(cfg.dsl());
                    var expected = users.findByUsername(username).orElseThrow();
                    UserCheck byName = UserCheck.byUsername(cfg.dsl(), username.toUpperCase()).orElseThrow();
                    UserCheck byId = UserCheck.byId(cfg.dsl(), expected.id()).orElseThrow();
                    for (UserCheck check : new UserCheck[]{byName, byId}) {
                        assertThat(check.user()).isEqualTo(expected);
                        assertThat(check.state()).isEqualTo(new RowStates(cfg.dsl()).user(expected.id()).orElseThrow());
                        assertThat(check.bound()).isNotNull().isEqualTo(
                                new AuditRepository(cfg.dsl()).latestRowDigest("user:" + expected.id()).orElseThrow());
                        assertThat(check.toString()).doesNotContain(check.state()).doesNotContain(check.bound());
                    }
                    assertThat(byName.user().keyCount()).isEqualTo(username.equals("Bob") ? 2 : 0);
                    return null;
                });
            }
            store.db().inTransaction(cfg -> {
                assertThat(UserCheck.byUsername(cfg.dsl(), "nobody")).isEmpty();
                assertThat(UserCheck.byId(cfg.dsl(), 999_999)).isEmpty();
                return null;
            });
        } finally {
            store.db().close();
        }
    }

    private static void checkSite(Database db) {
        db.inTransaction(cfg -> {
            SiteCheck check = SiteCheck.read(cfg.dsl()).orElseThrow();
            assertThat(check.site()).isEqualTo(new SiteRepository(cfg.dsl()).find().orElseThrow());
            assertThat(check.state()).isEqualTo(new RowStates(cfg.dsl()).site().orElseThrow());
            assertThat(check.bound()).isNotNull().isEqualTo(new AuditRepository(cfg.dsl()).latestRowDigest("site").orElseThrow());
            return null;
        });
    }
}
