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
        // every entry, uncompressed
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(backup))) {
            int entries = 0;
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries++;
                String content = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(content).doesNotContain(secret).doesNotContain(secret.substring(17, 60)).doesNotContain(PW);
            }
            assertThat(entries).isEqualTo(5);
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

    /**
     * What H2's BACKUP TO made (the old format), from a database whose tables carry code: a column
     * default and a check that write a marker file whenever a row is written. It would run at the
     * restore's own audit entry if the file were opened. It is refused without being opened.
     */
    @Test
    void anOldFormatBackupIsRefusedWithoutBeingOpened() throws Exception {
        Path marker = temp.resolve("marker");
        Path evil = temp.resolve("evil");
        String path = marker.toString().replace("'", "''");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + evil.resolve("keydesk"), "sa", "");
             var s = c.createStatement()) {
            s.execute("CREATE ALIAS MARK AS 'long mark(String p) throws Exception {"
                    + " java.nio.file.Files.writeString(java.nio.file.Path.of(p), \"ran\"); return 1; }'");
            s.execute("CREATE TABLE audit_entry (seq BIGINT, x BIGINT DEFAULT FILE_WRITE('ran', '" + path + "'),"
                    + " y BIGINT DEFAULT MARK('" + path + "') CHECK (MARK('" + path + "') = 1))");
            s.execute("INSERT INTO audit_entry (seq) VALUES (1)");
            assertThat(marker).as("the payload works when the database is opened and written").exists();
            Files.delete(marker);
            s.execute("BACKUP TO '" + temp.resolve("old.zip").toString().replace("'", "''") + "'");
        }
        var result = alice.run("restore", temp.resolve("old.zip").toString(), "--yes");
        assertThat(result.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("old format").contains("a database file can carry code")
                .contains("make a new backup");
        assertThat(marker).doesNotExist();
        assertThat(alice.run("audit", "list").out()).doesNotContain("store.restore");
        try (var files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keydesk.mv.db");
        }
    }

    @Test
    void anotherSitesBackupNeedsOtherSiteBesideYes() throws Exception {
        Path otherStore = temp.resolve("other");
        CliHarness olga = new CliHarness(otherStore, clock).as("olga", PW);
        assertThat(olga.run("init", "--site", "Other Co", "--admin", "olga").exit()).isZero();
        Path backup = temp.resolve("other.zip");
        assertThat(olga.run("backup", backup.toString()).exit()).isZero();

        var refused = alice.run("restore", backup.toString(), "--yes");
        assertThat(refused.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("another site, \"Other Co\"").contains("--other-site");
        assertThat(alice.run("settings", "show").out()).contains("site: Acme");

        assertThat(alice.run("restore", backup.toString(), "--yes", "--other-site").exit()).isZero();
        assertThat(olga.run("settings", "show").out()).contains("site: Other Co");
    }

    @Test
    void restoreIntoAFolderWithoutAStoreMakesTheStore() throws Exception {
        Path backup = temp.resolve("b.zip");
        assertThat(alice.run("backup", backup.toString()).exit()).isZero();
        Path elsewhere = temp.resolve("new-machine");
        var result = new CliHarness(elsewhere, clock).anonymous().run("restore", backup.toString(), "--yes");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(new CliHarness(elsewhere, clock).as("alice", PW).run("audit", "verify").exit()).isZero();
        try (var files = Files.list(elsewhere)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keydesk.mv.db");
        }
    }
}
