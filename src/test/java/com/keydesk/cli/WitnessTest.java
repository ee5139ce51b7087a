package com.keydesk.cli;

import com.keydesk.domain.AuditEntry;
import com.keydesk.service.ChainRewriter;
import com.keydesk.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation remembers the newest audit entry it saw of a store, outside the store: a store
 * rolled back to an older copy, or whose history was rewritten and re-linked (which the chain alone
 * cannot see), is reported on every command and fails audit verify.
 */
class WitnessTest {
    private static final String PW = "correct horse battery staple 1";

    @TempDir
    Path temp;
    Path store;
    CliHarness alice;

    @BeforeEach
    void setUp() {
        store = temp.resolve("store");
        alice = new CliHarness(store, Clock.systemUTC()).as("alice", PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
    }

    @Test
    void aStoreRolledBackToAnOlderCopyIsReportedByEveryCommandAndFailsVerify() throws Exception {
        String revoked = alice.run("keys", "create", "--site", "--name", "old").lastLine();
        Path copy = temp.resolve("last-week.mv.db");
        Files.copy(Database.dataFile(store), copy);
        assertThat(alice.run("keys", "revoke", "1").exit()).isZero();

        Files.copy(copy, Database.dataFile(store), StandardCopyOption.REPLACE_EXISTING);

        CliHarness.Result list = alice.run("keys", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.err()).contains("keydesk: warning:").contains("rolled back");
        CliHarness.Result verify = alice.run("audit", "verify");
        assertThat(verify.exit()).isEqualTo(ExitCode.AUDIT_BROKEN);
        assertThat(verify.err()).contains("rolled back");
        assertThat(alice.run("keys", "list").err()).as("the warning stays until someone looks").contains("rolled back");
        assertThat(alice.withStdin(revoked + "\n", "keys", "verify").exit())
                .as("the rolled-back store does let the revoked key in: the warning is what tells").isZero();
    }

    @Test
    void aRewrittenHistoryThatStillChainsIsCaughtByTheInstallationThatSawIt() {
        alice.run("keys", "create", "--site", "--name", "a");
        alice.run("keys", "create", "--site", "--name", "b");
        try (Database db = Database.open(store)) {
            db.inTransaction(cfg -> {
                ChainRewriter.rewrite(cfg.dsl(), WitnessTest::renameKeyA);
                return null;
            });
        }

        CliHarness.Result verify = alice.run("audit", "verify");

        assertThat(verify.exit()).isEqualTo(ExitCode.AUDIT_BROKEN);
        assertThat(verify.err()).contains("rewritten");
    }

    @Test
    void aCheckpointKeptElsewhereIsHeldByAnUntouchedStoreAndNotByARewrittenOne() {
        alice.run("keys", "create", "--site", "--name", "a");
        String checkpoint = alice.run("audit", "checkpoint").out().strip();
        assertThat(checkpoint).matches("[0-9]+:[0-9a-f]{64}");
        alice.run("keys", "create", "--site", "--name", "b");

        CliHarness.Result holds = alice.run("audit", "verify", "--checkpoint", checkpoint);
        assertThat(holds.exit()).as(holds.err()).isZero();
        assertThat(holds.out()).contains("It holds checkpoint " + checkpoint);

        // another installation (its own memory, empty) sees nothing wrong; only the checkpoint can tell
        try (Database db = Database.open(store)) {
            db.inTransaction(cfg -> {
                ChainRewriter.rewrite(cfg.dsl(), WitnessTest::renameKeyA);
                return null;
            });
        }
        CliHarness other = new CliHarness(store, Clock.systemUTC()).as("alice", PW);
        CliHarness.Result broken = other.withWitness(temp.resolve("other-installation"))
                .run("audit", "verify", "--checkpoint", checkpoint);
        assertThat(broken.exit()).isEqualTo(ExitCode.AUDIT_BROKEN);
        assertThat(broken.err()).contains("no longer holds the checkpoint " + checkpoint);

        assertThat(alice.run("audit", "verify", "--checkpoint", "12:nothex").exit()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void anotherStoreAtTheSameLocationIsReported() throws Exception {
        Path elsewhere = temp.resolve("other");
        CliHarness bob = new CliHarness(elsewhere, Clock.systemUTC()).as("alice", PW);
        assertThat(bob.run("init", "--site", "Other", "--admin", "alice").exit()).isZero();

        Files.copy(Database.dataFile(elsewhere), Database.dataFile(store), StandardCopyOption.REPLACE_EXISTING);

        assertThat(alice.run("keys", "list").err()).contains("not the one this installation saw");
    }

    @Test
    void afterLookingIntoItAnAdministratorCanTrustTheHistoryAsItIs() throws Exception {
        Path copy = temp.resolve("copy.mv.db");
        Files.copy(Database.dataFile(store), copy);
        alice.run("keys", "create", "--site", "--name", "later");
        Files.copy(copy, Database.dataFile(store), StandardCopyOption.REPLACE_EXISTING);

        assertThat(alice.run("audit", "trust-current").exit()).as("needs --yes").isEqualTo(ExitCode.USAGE);
        assertThat(alice.run("audit", "trust-current", "--yes").exit()).isZero();

        CliHarness.Result after = alice.run("audit", "verify");
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.err()).doesNotContain("warning");
        assertThat(alice.run("audit", "list").out()).contains("audit.witness_reset");
    }

    /** History told differently: the entry that created key "a" now says it was called "x". */
    private static AuditEntry renameKeyA(AuditEntry e) {
        return e.detail() == null || !e.detail().contains("name=\"a\"") ? e : new AuditEntry(e.seq(), e.at(), e.actor(),
                e.action(), e.target(), e.outcome(), e.detail().replace("name=\"a\"", "name=\"x\""), e.rowDigest(),
                e.prevHash(), e.entryHash());
    }

    @Test
    void anOrdinaryDayOfWorkNeverWarns() {
        CliHarness.Result create = alice.run("keys", "create", "--site", "--name", "a");
        CliHarness.Result list = alice.run("keys", "list");
        CliHarness.Result verify = alice.run("audit", "verify");

        assertThat(create.err() + list.err() + verify.err()).doesNotContain("warning");
        assertThat(verify.exit()).isZero();
    }
}
