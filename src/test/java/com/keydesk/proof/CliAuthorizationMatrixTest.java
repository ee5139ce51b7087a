package com.keydesk.proof;

import com.keydesk.cli.CliHarness;
import com.keydesk.cli.ExitCode;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Session;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * product.md's role table through the command line: the acting person is an administrator, a
 * user with the site setting off, or a user with it on; "own" is bob's key. A refusal is exit 4,
 * a "denied" audit entry, and no change to the keys.
 */
class CliAuthorizationMatrixTest {
    private static final String BOB_PW = "bob password 123";
    private static final String ALICE_PW = TestStore.ADMIN_PASSWORD;

    enum Role { ADMIN, USER_SETTING_OFF, USER_SETTING_ON }

    /** Ids in the seeded store: 1 site key, 2 bob's key, 3 carol's key, 4 bob's key disabled by alice, 5 by bob. */
    record Op(String label, boolean admin, boolean off, boolean on, String stdin, String... args) {
        boolean allowed(Role role) {
            return switch (role) {
                case ADMIN -> admin;
                case USER_SETTING_OFF -> off;
                case USER_SETTING_ON -> on;
            };
        }
    }

    private static final List<Op> OPS = List.of(
            new Op("list keys", true, true, true, null, "keys", "list"),
            new Op("show own key", true, true, true, null, "keys", "show", "2"),
            new Op("show a site key", true, false, false, null, "keys", "show", "1"),
            new Op("show someone else's key", true, false, false, null, "keys", "show", "3"),
            new Op("create a site key", true, false, false, null, "keys", "create", "--site", "--name", "n"),
            new Op("create a key for bob", true, false, true, null, "keys", "create", "--for", "bob", "--name", "n"),
            new Op("create a key for carol", true, false, false, null, "keys", "create", "--for", "carol", "--name", "n"),
            new Op("disable own key", true, true, true, null, "keys", "disable", "2"),
            new Op("enable own key bob disabled", true, false, true, null, "keys", "enable", "5"),
            new Op("enable own key an administrator disabled", true, false, false, null, "keys", "enable", "4"),
            new Op("rename own key", true, false, true, null, "keys", "update", "2", "--name", "renamed"),
            new Op("bring own expiry earlier", true, false, true, null, "keys", "update", "2", "--expires", "2026-06-20"),
            new Op("extend own expiry", true, false, false, null, "keys", "update", "2", "--expires", "2026-12-31"),
            new Op("remove own expiry", true, false, false, null, "keys", "update", "2", "--no-expiry"),
            new Op("revoke own key", true, false, true, null, "keys", "revoke", "2"),
            new Op("replace own key", true, false, true, null, "keys", "replace", "2"),
            new Op("disable a site key", true, false, false, null, "keys", "disable", "1"),
            new Op("revoke a site key", true, false, false, null, "keys", "revoke", "1"),
            new Op("disable someone else's key", true, false, false, null, "keys", "disable", "3"),
            new Op("revoke someone else's key", true, false, false, null, "keys", "revoke", "3"),
            new Op("export the inventory", true, true, true, null, "keys", "export", "--format", "json"),
            new Op("list users", true, false, false, null, "users", "list"),
            new Op("add a user", true, false, false, "dave password 1234\n", "users", "add", "dave"),
            new Op("deactivate a user", true, false, false, null, "users", "deactivate", "carol"),
            new Op("promote a user", true, false, false, null, "users", "promote", "carol", "--yes"),
            new Op("change the site setting", true, false, false, null, "settings", "set", "users_can_create_api_keys", "true"),
            new Op("read the audit log", true, false, false, null, "audit", "list"),
            new Op("verify the audit log", true, false, false, null, "audit", "verify"),
            new Op("back up the store", true, false, false, null, "backup", "BACKUP"),
            new Op("change own password", true, true, true, "a brand new password\n", "passwd"));

    @TempDir
    Path temp;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Op op : OPS) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(role, op));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theRoleTableHoldsThroughTheCommandLine(Role role, Op op) {
        Path store = seed(role);
        MutableClock clock = new MutableClock();
        CliHarness alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        CliHarness actor = role == Role.ADMIN ? alice : new CliHarness(store, clock).as("bob", BOB_PW);
        String keysBefore = alice.run("keys", "export", "--format", "json").out();
        int deniedBefore = denied(alice);

        String[] args = op.args().clone();
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].equals("BACKUP") ? temp.resolve("backup.zip").toString() : args[i];
        }
        var result = op.stdin() == null ? actor.run(args) : actor.withStdin(op.stdin(), args);

        if (op.allowed(role)) {
            assertThat(result.exit()).as("%s as %s: %s", op.label(), role, result.err()).isZero();
        } else {
            assertThat(result.exit()).as("%s as %s: %s", op.label(), role, result.err()).isEqualTo(ExitCode.PERMISSION_DENIED);
            assertThat(result.err().strip()).startsWith("keydesk: ").doesNotContain("\n");
            assertThat(alice.run("keys", "export", "--format", "json").out()).isEqualTo(keysBefore);
            assertThat(denied(alice)).isEqualTo(deniedBefore + 1);
        }
        if (op.label().equals("list keys") && role != Role.ADMIN) {
            assertThat(result.out()).doesNotContain("carol").doesNotContain("(site)");
        }
    }

    private static int denied(CliHarness admin) {
        String audit = admin.run("audit", "list", "--json").out();
        return audit.split("\"outcome\": \"denied\"", -1).length - 1;
    }

    /** A store with the keys the table talks about; alice is the administrator, bob and carol users. */
    private Path seed(Role role) {
        try (TestStore store = TestStore.in(temp)) {
            Session bob = store.addUser("bob");
            store.addUser("carol");
            var keys = store.services.keys();
            var soon = store.clock.instant().plus(Duration.ofDays(30));
            keys.create(store.admin, NewKey.site("Site key", null, null));
            keys.create(store.admin, NewKey.forUser("bob", "Bob's key", null, PermissionSet.SYNC_APP, soon));
            keys.create(store.admin, NewKey.forUser("carol", "Carol's key", null, PermissionSet.FULL, null));
            long byAdmin = keys.create(store.admin, NewKey.forUser("bob", "Disabled by alice", null, null, null)).key().id();
            long byBob = keys.create(store.admin, NewKey.forUser("bob", "Disabled by bob", null, null, null)).key().id();
            keys.disable(store.admin, byAdmin);
            keys.disable(bob, byBob);
            store.allowUsersToCreateKeys(role == Role.USER_SETTING_ON);
        }
        return temp.resolve("store");
    }
}
