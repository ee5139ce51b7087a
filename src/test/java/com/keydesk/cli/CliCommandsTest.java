package com.keydesk.cli;

import com.keydesk.store.Database;
import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as scripts use it: output shapes, exit codes, and one sentence on stderr. */
class CliCommandsTest {
    private static final String ALICE_PW = "correct horse battery staple 1";
    private static final String BOB_PW = "bob password 12345";

    @TempDir
    Path temp;
    private Path store;
    private final MutableClock clock = new MutableClock();
    private CliHarness alice;

    @BeforeEach
    void initStore() {
        store = temp.resolve("store");
        alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
    }

    @Test
    void createPrintsTheSecretAloneOnStdoutAndItVerifiesWithoutSignIn() {
        var created = alice.run("keys", "create", "--site", "--name", "Backup job");
        assertThat(created.exit()).isZero();
        assertThat(created.out().strip()).matches("kds_[A-Za-z0-9]{12}_[A-Za-z0-9]{49}");
        assertThat(created.err()).contains("cannot be shown again").doesNotContain(created.out().strip());

        var verified = new CliHarness(store, clock).anonymous().withStdin(created.out().strip() + "\n", "keys", "verify");
        assertThat(verified.exit()).isZero();
        assertThat(verified.out()).contains("\"name\": \"Backup job\"").doesNotContain(created.out().strip());
    }

    @Test
    void createWithJsonIncludesTheKeyOnceAndListNeverDoes() {
        var created = alice.run("keys", "create", "--site", "--name", "Json key", "--json");
        assertThat(created.out()).contains("\"key\": \"kds_");
        var listed = alice.run("keys", "list", "--json");
        assertThat(listed.out()).contains("\"name\": \"Json key\"").doesNotContain("\"key\":");
    }

    @Test
    void eachFailureIsOneSentenceOnStderrWithItsExitCode() {
        assertFailure(alice.run("keys", "frobnicate"), ExitCode.USAGE);
        assertFailure(alice.run("keys", "create", "--site"), ExitCode.USAGE);
        assertFailure(alice.run("keys", "create", "--site", "--name", "x", "--bogus", "1"), ExitCode.USAGE);
        assertFailure(alice.run("keys", "show", "999"), ExitCode.NOT_FOUND);
        assertFailure(alice.run("keys", "show", "abc"), ExitCode.INVALID_INPUT);
        assertFailure(alice.run("keys", "create", "--site", "--name", "Old", "--expires", "2001-01-01"), ExitCode.INVALID_INPUT);
        assertFailure(alice.run("keys", "create", "--site", "--name", "Bad", "--expires", "2027-02-30"), ExitCode.INVALID_INPUT);
        assertFailure(alice.run("keys", "create", "--site", "--name", "   "), ExitCode.INVALID_INPUT);
        assertFailure(alice.run("keys", "create", "--site", "--name", "evil\u202Etxt.exe"), ExitCode.INVALID_INPUT);
        assertFailure(alice.run("keys", "create", "--for", "alice", "--name", "x", "--permission", "root"), ExitCode.INVALID_INPUT);
        assertFailure(alice.run("keys", "create", "--for", "nobody", "--name", "x"), ExitCode.NOT_FOUND);
        assertFailure(new CliHarness(store, clock).as("alice", "wrong password!").run("keys", "list"), ExitCode.AUTHENTICATION);
        assertFailure(new CliHarness(store, clock).anonymous().withStdin("kd_not_a_key\n", "keys", "verify"), ExitCode.KEY_REJECTED);
        assertFailure(alice.run("init", "--site", "Again", "--admin", "alice"), ExitCode.CONFLICT);
        assertThat(alice.run("keys", "list", "--json").out().strip()).isEqualTo("[]");
    }

    @Test
    void anyCommandButInitOnAFolderWithoutAStoreFailsAndCreatesNothing() {
        Path nowhere = temp.resolve("nowhere");
        var result = new CliHarness(nowhere, clock).as("alice", ALICE_PW).run("keys", "list");
        assertFailure(result, ExitCode.STORE_UNUSABLE);
        assertThat(result.err()).contains("no KeyDesk store").contains(nowhere.toString());
        assertThat(Files.exists(nowhere)).isFalse();
    }

    @Test
    void aFileThatIsNotAKeyDeskStoreIsRefusedWithExitEightAndLeftAsItWas() throws Exception {
        Path other = temp.resolve("other");
        Files.createDirectories(other);
        byte[] junk = "this is not an H2 file at all".repeat(200).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(Database.dataFile(other), junk);
        var result = new CliHarness(other, clock).as("alice", ALICE_PW).run("keys", "list");
        assertFailure(result, ExitCode.STORE_UNUSABLE);
        assertThat(Files.readAllBytes(Database.dataFile(other))).isEqualTo(junk);
    }

    @Test
    void aStoreFromANewerKeyDeskIsRefusedWithExitEight() {
        try (Database db = Database.open(store)) {
            db.inTransaction(cfg -> cfg.dsl().execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 'test', 0, TRUE)"));
        }
        var result = alice.run("keys", "list");
        assertFailure(result, ExitCode.STORE_UNUSABLE);
        assertThat(result.err()).contains("newer KeyDesk");
    }

    @Test
    void initWithBadInputLeavesNoStoreBehind() {
        Path fresh = temp.resolve("fresh");
        var result = new CliHarness(fresh, clock).as("alice", "short").run("init", "--site", "Acme", "--admin", "alice");
        assertFailure(result, ExitCode.INVALID_INPUT);
        assertThat(Database.exists(fresh)).isFalse();
        assertThat(Files.exists(fresh)).isFalse();
    }

    @Test
    void nonAdministratorIsDeniedWithExitFourUntilTheSettingAllows() {
        assertThat(alice.withStdin(BOB_PW + "\n", "users", "add", "bob").exit()).isZero();
        CliHarness bob = new CliHarness(store, clock).as("bob", BOB_PW);
        assertFailure(bob.run("keys", "create", "--for", "bob", "--name", "own"), ExitCode.PERMISSION_DENIED);
        assertThat(alice.run("settings", "set", "users_can_create_api_keys", "true").exit()).isZero();
        assertThat(bob.run("keys", "create", "--for", "bob", "--name", "own").exit()).isZero();
        assertFailure(bob.run("keys", "create", "--site", "--name", "sneaky"), ExitCode.PERMISSION_DENIED);
        assertFailure(bob.run("users", "list"), ExitCode.PERMISSION_DENIED);
        assertFailure(bob.run("audit", "list"), ExitCode.PERMISSION_DENIED);
        assertThat(alice.run("audit", "list", "--json").out()).contains("\"outcome\": \"denied\"");
    }

    @Test
    void disableEnableRevokeAndReplaceWorkByIdAndReplaceIssuesANewSecret() {
        String first = alice.run("keys", "create", "--site", "--name", "Rotating").out().strip();
        assertThat(alice.run("keys", "disable", "1").exit()).isZero();
        assertFailure(alice.run("keys", "disable", "1"), ExitCode.CONFLICT);
        assertThat(alice.run("keys", "enable", "1").exit()).isZero();
        var replaced = alice.run("keys", "replace", "1");
        assertThat(replaced.exit()).isZero();
        String second = replaced.out().strip();
        assertThat(second).isNotEqualTo(first).startsWith("kds_");
        CliHarness anyone = new CliHarness(store, clock).anonymous();
        assertThat(anyone.withStdin(first + "\n", "keys", "verify").exit()).isEqualTo(ExitCode.KEY_REJECTED);
        assertThat(anyone.withStdin(second + "\n", "keys", "verify").exit()).isZero();
        assertThat(alice.run("keys", "revoke", "2").exit()).isZero();
        assertThat(anyone.withStdin(second + "\n", "keys", "verify").exit()).isEqualTo(ExitCode.KEY_REJECTED);
        assertThat(alice.run("audit", "verify").exit()).isZero();
    }

    @Test
    void listFiltersByStatus() {
        alice.run("keys", "create", "--site", "--name", "Live");
        alice.run("keys", "create", "--site", "--name", "Off");
        alice.run("keys", "disable", "2");
        assertThat(alice.run("keys", "list", "--status", "disabled", "--json").out()).contains("Off").doesNotContain("Live");
        assertThat(alice.run("keys", "list", "--status", "active", "--json").out()).contains("Live").doesNotContain("Off");
        assertFailure(alice.run("keys", "list", "--status", "sleepy"), ExitCode.INVALID_INPUT);
    }

    @Test
    void csvExportHasNoSecretAndDefusesFormulas() {
        String secret = alice.run("keys", "create", "--site", "--name", "=HYPERLINK(\"x\")").out().strip();
        var csv = alice.run("keys", "export", "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).startsWith("id,name,description,descriptive_label")
                .contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain(secret).doesNotContain(secret.substring(17));
        assertFailure(alice.run("keys", "export", "--format", "xml"), ExitCode.INVALID_INPUT);
    }

    @Test
    void promotingAUserWithKeysNeedsConfirmationNamingTheKeys() {
        alice.withStdin(BOB_PW + "\n", "users", "add", "bob");
        alice.run("keys", "create", "--for", "bob", "--name", "Bob's sync");
        var unconfirmed = alice.run("users", "promote", "bob");
        assertThat(unconfirmed.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unconfirmed.err()).contains("Bob's sync").contains("--yes");
        assertThat(alice.run("users", "promote", "bob", "--yes").exit()).isZero();
        assertThat(alice.run("users", "list", "--json").out()).contains("\"admin\": true");
    }

    @Test
    void versionNeedsNoStore() {
        var result = new CliHarness(temp.resolve("none"), clock).anonymous().run("--version");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("KeyDesk ");
    }

    private static void assertFailure(CliHarness.Result result, int expectedExit) {
        assertThat(result.exit()).as("exit code; stderr: %s", result.err()).isEqualTo(expectedExit);
        assertThat(result.err().strip()).as("stderr").startsWith("keydesk: ").doesNotContain("\n").doesNotContain("Exception");
    }
}
