package com.keydesk.cli;

import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A backup of an open store restores into a store whose keys verify and whose audit chain holds. */
class BackupRestoreTest {
    private static final String PW = "correct horse battery staple 1";

    @TempDir
    Path temp;
    private Path store;
    private final MutableClock clock = new MutableClock();
    private CliHarness alice;

    @BeforeEach
    void initStore() {
        store = temp.resolve("store");
        alice = new CliHarness(store, clock).as("alice", PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
    }

    @Test
    void restoredKeysVerifyAndTheAuditChainHolds() throws Exception {
        String kept = alice.run("keys", "create", "--site", "--name", "Kept").out().strip();
        Path backup = temp.resolve("backup.zip");
        assertThat(alice.run("backup", backup.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(backup)).isNotEmpty();

        alice.run("keys", "revoke", "1");
        String later = alice.run("keys", "create", "--site", "--name", "Made after the backup").out().strip();

        var unconfirmed = alice.run("restore", backup.toString());
        assertThat(unconfirmed.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(alice.run("restore", backup.toString(), "--yes").exit()).isZero();

        CliHarness anyone = new CliHarness(store, clock).anonymous();
        assertThat(anyone.withStdin(kept + "\n", "keys", "verify").exit()).isZero();
        assertThat(anyone.withStdin(later + "\n", "keys", "verify").exit()).isEqualTo(ExitCode.KEY_REJECTED);
        assertThat(alice.run("audit", "verify").exit()).isZero();
        assertThat(alice.run("audit", "list").out()).contains("store.restored");
        try (var files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("keydesk.mv.db.before-restore-"));
        }
    }

    @Test
    void backupNeverHoldsASecret() throws Exception {
        String secret = alice.run("keys", "create", "--site", "--name", "Secret holder").out().strip();
        Path backup = temp.resolve("b.zip");
        alice.run("backup", backup.toString());
        // H2's backup is a zip of the store file: read the entry uncompressed
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(backup))) {
            zip.getNextEntry();
            String content = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(content).doesNotContain(secret).doesNotContain(secret.substring(17, 60));
        }
    }

    @Test
    void onlyAnAdministratorMayBackUpOrRestore() {
        alice.withStdin("bob password 12345\n", "users", "add", "bob");
        CliHarness bob = new CliHarness(store, clock).as("bob", "bob password 12345");
        Path backup = temp.resolve("b.zip");
        assertThat(bob.run("backup", backup.toString()).exit()).isEqualTo(ExitCode.PERMISSION_DENIED);
        assertThat(Files.exists(backup)).isFalse();
        alice.run("backup", backup.toString());
        assertThat(bob.run("restore", backup.toString(), "--yes").exit()).isEqualTo(ExitCode.PERMISSION_DENIED);
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndTheStoreIsUntouched() throws Exception {
        Path bogus = temp.resolve("bogus.zip");
        Files.writeString(bogus, "not a zip");
        var result = alice.run("restore", bogus.toString(), "--yes");
        assertThat(result.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("is not a KeyDesk backup");
        assertThat(alice.run("audit", "verify").exit()).isZero();
        Path existing = temp.resolve("exists.zip");
        Files.writeString(existing, "x");
        assertThat(alice.run("backup", existing.toString()).exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(Files.readString(existing)).isEqualTo("x");
    }
}
