package com.keydesk.cli;

import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code users unlock}: for administrators, and without sign-in for the account that owns the store file. */
class UsersUnlockCommandTest {
    private static final String ALICE_PW = "correct horse battery staple 1";

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock();
    private Path store;
    private CliHarness alice;

    @BeforeEach
    void initStore() {
        store = temp.resolve("store");
        alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.withStdin("bob password 12345\n", "users", "add", "bob").exit()).isZero();
    }

    @Test
    void anAdministratorEndsAWaitSomeoneCausedByTypingTheirName() {
        holdBack("bob");

        var unlocked = alice.run("users", "unlock", "bob");

        assertThat(unlocked.exit()).isZero();
        assertThat(unlocked.err()).isEqualTo("Ended the sign-in wait for bob; failed attempts count from zero again.\n");
        assertThat(new CliHarness(store, clock).as("bob", "bob password 12345").run("keys", "list").exit()).isZero();
        assertThat(alice.run("users", "unlock", "bob").err()).contains("had no sign-in wait");
    }

    @Test
    void aNonAdministratorGetsExitFour() {
        var refused = new CliHarness(store, clock).as("bob", "bob password 12345").run("users", "unlock", "alice");
        assertThat(refused.exit()).isEqualTo(ExitCode.PERMISSION_DENIED);
        assertThat(refused.err()).startsWith("keydesk: ").hasLineCount(1);
    }

    @Test
    void theLastAdministratorHeldBackIsUnlockedByTheStoresOwnerWithoutAPassword() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "Linux and macOS only");
        holdBack("alice");
        assertThat(alice.run("keys", "list").exit()).isEqualTo(ExitCode.AUTHENTICATION);

        var unlocked = new CliHarness(store, clock).anonymous().run("users", "unlock", "alice", "--as-store-owner");

        assertThat(unlocked.exit()).isZero();
        assertThat(alice.run("keys", "list").exit()).isZero();
        assertThat(alice.run("audit", "list").out()).contains("os:" + System.getProperty("user.name"))
                .contains("user.unlocked");
        assertThat(alice.run("audit", "verify").exit()).isZero();
    }

    @Test
    void unlockNeedsAUsername() {
        assertThat(alice.run("users", "unlock").exit()).isEqualTo(ExitCode.USAGE);
    }

    private void holdBack(String username) {
        CliHarness wrong = new CliHarness(store, clock).as(username, "not the password at all");
        for (int i = 0; i < 4; i++) {
            assertThat(wrong.run("keys", "list").exit()).isEqualTo(ExitCode.AUTHENTICATION);
        }
        assertThat(wrong.run("keys", "list").err()).contains("Try again");
    }
}
