package com.keydesk.cli;

import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers that must not tell one case from another on the command line: same sentence, same exit code. */
class OneAnswerCliTest {
    private static final String ALICE_PW = "correct horse battery staple 1";
    private static final String BOB_PW = "bob password 12345";

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock();
    private Path store;
    private CliHarness alice;
    private CliHarness bob;

    @BeforeEach
    void initStore() {
        store = temp.resolve("store");
        alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        bob = new CliHarness(store, clock).as("bob", BOB_PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.withStdin(BOB_PW + "\n", "users", "add", "bob").exit()).isZero();
        assertThat(alice.run("settings", "set", "users_can_create_api_keys", "true").exit()).isZero();
    }

    @Test
    void aSiteKeyIdAndAMissingIdGetTheSameSentenceAndExitCodeForANonAdministrator() {
        alice.run("keys", "create", "--site", "--name", "Backup job");   // id 1
        alice.run("keys", "create", "--site", "--name", "Old job");      // id 2
        alice.run("keys", "disable", "2");

        for (List<String> command : List.of(List.of("show", "ID"), List.of("disable", "ID"), List.of("enable", "ID"),
                List.of("revoke", "ID"), List.of("replace", "ID"), List.of("update", "ID", "--name", "Mine now"))) {
            String siteId = command.getFirst().equals("enable") ? "2" : "1";
            var forSiteKey = bob.run(words(command, siteId));
            var forMissing = bob.run(words(command, "77"));
            assertThat(forSiteKey.exit()).as("%s", command).isEqualTo(ExitCode.PERMISSION_DENIED).isEqualTo(forMissing.exit());
            assertThat(forSiteKey.err().replace("Key " + siteId + " ", "Key N "))
                    .as("%s", command).isEqualTo(forMissing.err().replace("Key 77 ", "Key N "))
                    .isEqualTo("keydesk: Key N is not one of your keys.\n");
        }
        assertThat(alice.run("keys", "show", "1").out()).contains("Backup job");
    }

    @Test
    void aDeactivatedAccountWithItsRightPasswordGetsTheWrongPasswordAnswer() {
        assertThat(alice.run("users", "deactivate", "bob").exit()).isZero();

        var rightPassword = bob.run("keys", "list");
        var wrongPassword = new CliHarness(store, clock).as("bob", "not bob's password").run("keys", "list");
        var unknownUser = new CliHarness(store, clock).as("nobody", BOB_PW).run("keys", "list");

        assertThat(rightPassword.exit()).isEqualTo(ExitCode.AUTHENTICATION).isEqualTo(wrongPassword.exit()).isEqualTo(unknownUser.exit());
        assertThat(rightPassword.err()).isEqualTo(wrongPassword.err()).isEqualTo(unknownUser.err())
                .isEqualTo("keydesk: Sign-in failed: the username or password is wrong.\n");
    }

    private static String[] words(List<String> command, String id) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("keys"),
                command.stream().map(w -> w.equals("ID") ? id : w)).toArray(String[]::new);
    }
}
