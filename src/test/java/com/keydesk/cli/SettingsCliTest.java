package com.keydesk.cli;

import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The site settings on the command line: shown, changed by administrators, applied to the keys people make. */
class SettingsCliTest {
    private static final String ALICE_PW = "correct horse battery staple 1";
    private static final String BOB_PW = "bob password 12345";

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock();
    private CliHarness alice;
    private CliHarness bob;

    @BeforeEach
    void initStore() {
        Path store = temp.resolve("store");
        alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        bob = new CliHarness(store, clock).as("bob", BOB_PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.withStdin(BOB_PW + "\n", "users", "add", "bob").exit()).isZero();
        assertThat(alice.run("settings", "set", "users_can_create_api_keys", "true").exit()).isZero();
    }

    private String inDays(int days) {
        return LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(days)), ZoneId.systemDefault()).toString();
    }

    @Test
    void showListsEverySettingWithItsValue() {
        assertThat(alice.run("settings", "show").out()).isEqualTo("site: Acme\nusers_can_create_api_keys: true\n"
                + "default_permission_set: files_only\nmax_key_lifetime_days: none\n");

        var set = alice.run("settings", "set", "max_key_lifetime_days", "30");
        assertThat(set.exit()).isZero();
        assertThat(set.err()).isEqualTo("max_key_lifetime_days is now 30 days.\n");
        assertThat(alice.run("settings", "set", "default_permission_set", "desktop_app").err())
                .isEqualTo("default_permission_set is now desktop_app.\n");

        assertThat(alice.run("settings", "show", "--json").out()).contains("\"default_permission_set\": \"desktop_app\"")
                .contains("\"max_key_lifetime_days\": 30");
        assertThat(alice.run("settings", "set", "max_key_lifetime_days", "none").err())
                .isEqualTo("max_key_lifetime_days is now none.\n");
        assertThat(alice.run("settings", "show", "--json").out()).contains("\"max_key_lifetime_days\": null");
    }

    @Test
    void badValuesGetOneSentenceAndExitCode6() {
        for (String[] bad : new String[][] {{"max_key_lifetime_days", "0"}, {"max_key_lifetime_days", "forever"},
                {"default_permission_set", "none"}, {"default_permission_set", "everything"}}) {
            var run = alice.run("settings", "set", bad[0], bad[1]);
            assertThat(run.exit()).as(String.join(" ", bad)).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.err()).as(String.join(" ", bad)).startsWith("keydesk: ").endsWith(".\n")
                    .satisfies(err -> assertThat(err.lines()).hasSize(1));
        }
        assertThat(alice.run("settings", "show").out()).contains("default_permission_set: files_only")
                .contains("max_key_lifetime_days: none");
    }

    @Test
    void aNonAdministratorCannotChangeThem() {
        assertThat(bob.run("settings", "set", "max_key_lifetime_days", "none").exit()).isEqualTo(ExitCode.PERMISSION_DENIED);
        assertThat(bob.run("settings", "set", "default_permission_set", "full").exit()).isEqualTo(ExitCode.PERMISSION_DENIED);
    }

    @Test
    void aNonAdministratorsKeyMustExpireWithinTheMaximumAndGetsTheDefaultPermissionSet() {
        alice.run("settings", "set", "max_key_lifetime_days", "30");

        var forever = bob.run("keys", "create", "--for", "bob", "--name", "forever");
        assertThat(forever.exit()).isEqualTo(ExitCode.PERMISSION_DENIED);
        assertThat(forever.err()).startsWith("keydesk: On this site a key made by anyone but an administrator must"
                + " expire within 30 days: choose an expiry on or before ").endsWith(" UTC.\n");
        assertThat(bob.run("keys", "create", "--for", "bob", "--name", "long", "--expires", inDays(40)).exit())
                .isEqualTo(ExitCode.PERMISSION_DENIED);

        var within = bob.run("keys", "create", "--for", "bob", "--name", "within", "--expires", inDays(20), "--json");
        assertThat(within.exit()).as(within.err()).isZero();
        assertThat(within.out()).contains("\"permission_set\": \"files_only\"");
        // administrators are not limited
        assertThat(alice.run("keys", "create", "--for", "bob", "--name", "by alice").exit()).isZero();
    }
}
