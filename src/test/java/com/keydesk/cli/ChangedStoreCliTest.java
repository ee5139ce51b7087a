package com.keydesk.cli;

import com.keydesk.store.Database;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.OutsideEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on a store changed outside KeyDesk: exit 8, one sentence, nothing run, nothing written. */
class ChangedStoreCliTest {
    private static final String PASSWORD = "correct horse battery staple 1";

    @TempDir
    Path temp;

    @Test
    void aStoreCarryingATriggerIsAnsweredWithExit8AndOneSentenceAndTheTriggerNeverRuns() {
        Path store = temp.resolve("store");
        Path marker = temp.resolve("marker");
        CliHarness alice = new CliHarness(store, new MutableClock()).as("alice", PASSWORD);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.run("keys", "create", "--site", "--name", "Backup job").exit()).isZero();
        OutsideEdit.run(store, "CREATE TRIGGER EVIL BEFORE INSERT ON AUDIT_ENTRY AS $$org.h2.api.Trigger create() {"
                + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\"); }"
                + " catch (Exception e) { }"
                + " return new org.h2.api.Trigger() { public void fire(java.sql.Connection c, Object[] o, Object[] n) { } }; } $$");
        marker.toFile().delete();
        var before = OutsideEdit.FileState.of(store);

        var listed = alice.run("keys", "list");

        assertThat(listed.exit()).isEqualTo(ExitCode.STORE_UNUSABLE);
        assertThat(listed.out()).isEmpty();
        assertThat(listed.err()).isEqualTo("keydesk: The store in " + store + " was changed outside KeyDesk"
                + " (it holds a trigger EVIL), so KeyDesk will not open it.\n");
        assertThat(marker).doesNotExist();
        assertThat(OutsideEdit.FileState.of(store)).isEqualTo(before);
        assertThat(Database.exists(store)).isTrue();
    }
}
