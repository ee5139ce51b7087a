package com.keydesk.cli;

import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** users reset-password (the temporary password from standard input) and users rename. */
class UsersResetAndRenameCliTest {
    private static final String ALICE_PW = "correct horse battery staple 1";
    private static final String TEMPORARY = "temporary password 9";

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock();
    private CliHarness alice;
    private Path store;

    @BeforeEach
    void initStore() {
        store = temp.resolve("store");
        alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.withStdin("bob password 12345\n", "users", "add", "bob").exit()).isZero();
    }

    @Test
    void aResetUserMayOnlyChangeTheirPasswordUntilTheyHave() {
        var reset = alice.withStdin(TEMPORARY + "\n", "users", "reset-password", "bob");
        assertThat(reset.exit()).isZero();
        assertThat(reset.err()).contains("bob must choose a new password at their next sign-in");

        CliHarness bob = new CliHarness(store, clock).as("bob", TEMPORARY);
        var refused = bob.run("keys", "list");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("An administrator reset your password");
        assertThat(bob.withStdin("bob's very own password\n", "passwd").exit()).isZero();
        assertThat(new CliHarness(store, clock).as("bob", "bob's very own password").run("keys", "list").exit()).isZero();
    }

    @Test
    void renameSetsOrRemovesTheDisplayName() {
        assertThat(alice.run("users", "rename", "bob", "Bob Builder").exit()).isZero();
        assertThat(alice.run("users", "list", "--json").out()).contains("\"display_name\": \"Bob Builder\"");
        assertThat(alice.run("users", "rename", "bob", "").exit()).isZero();
        assertThat(alice.run("users", "list", "--json").out()).doesNotContain("Bob Builder");
        assertThat(alice.run("users", "rename", "bob").exit()).isNotZero();
    }
}
