package com.keydesk.cli;

import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A key that is switched on but whose owner is deactivated is not listed as active anywhere. */
class OwnerDeactivatedKeysCliTest {
    private static final String ALICE_PW = "correct horse battery staple 1";

    @TempDir
    Path temp;

    @Test
    void theServiceCallsSuchAKeyOwnerDeactivatedAndItWorksAgainWhenTheOwnerIsBack() {
        try (TestStore store = TestStore.in(temp)) {
            store.addUser("bob");
            var keys = store.services.keys();
            var working = keys.create(store.admin, NewKey.forUser("bob", "Sync", null, PermissionSet.SYNC_APP, null)).key();
            var off = keys.create(store.admin, NewKey.forUser("bob", "Off", null, null, null)).key();
            keys.disable(store.admin, off.id());
            var ending = keys.create(store.admin, NewKey.forUser("bob", "Ending", null, null,
                    store.clock.instant().plus(Duration.ofDays(1)))).key();
            store.clock.advance(Duration.ofDays(2));

            store.services.users().setActive(store.admin, "bob", false);

            assertThat(keys.statusOf(keys.show(store.admin, working.id()))).isEqualTo(KeyStatus.OWNER_DEACTIVATED);
            assertThat(keys.statusOf(keys.show(store.admin, off.id()))).isEqualTo(KeyStatus.DISABLED);
            assertThat(keys.statusOf(keys.show(store.admin, ending.id()))).isEqualTo(KeyStatus.EXPIRED);
            assertThat(keys.tableRows(store.admin, null, 10, s -> s.status(store.clock.instant())))
                    .containsExactlyInAnyOrder(KeyStatus.OWNER_DEACTIVATED, KeyStatus.DISABLED, KeyStatus.EXPIRED);

            store.services.users().setActive(store.admin, "bob", true);
            assertThat(keys.statusOf(keys.show(store.admin, working.id()))).isEqualTo(KeyStatus.ACTIVE);
        }
    }

    @Test
    void listShowJsonCsvAndTheStatusFilterSayOwnerDeactivated() {
        Path store = temp.resolve("store");
        MutableClock clock = new MutableClock();
        CliHarness alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.withStdin("bob password 12345\n", "users", "add", "bob").exit()).isZero();
        alice.run("keys", "create", "--for", "bob", "--name", "Bob's sync", "--permission", "sync_app");
        alice.run("keys", "create", "--site", "--name", "Site job");
        assertThat(alice.run("users", "deactivate", "bob").exit()).isZero();

        assertThat(alice.run("keys", "show", "1", "--json").out()).contains("\"status\": \"owner_deactivated\"")
                .contains("\"permission_set\": \"sync_app\"");
        assertThat(alice.run("keys", "show", "1").out()).contains("status:            owner_deactivated");
        assertThat(alice.run("keys", "list").out()).containsPattern("Bob's sync +bob +sync_app +owner_deactivated ");
        assertThat(alice.run("keys", "export", "--format", "csv").out()).contains(",sync_app,owner_deactivated,");
        assertThat(alice.run("keys", "list", "--json", "--status", "active").out()).contains("Site job").doesNotContain("Bob's sync");
        assertThat(alice.run("keys", "list", "--json", "--status", "owner_deactivated").out()).contains("Bob's sync").doesNotContain("Site job");
        assertThat(alice.run("keys", "list", "--status", "sleepy").err())
                .contains("Choose one of: active, disabled, expired, owner_deactivated.");
    }
}
