package com.keydesk.cli;

import com.keydesk.testing.PgCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each installation remembers the newest head it saw of each team store, as of a local one: a team
 * store put back to an older state (a database restored from last week's dump, or entries cut off
 * by someone with the owner's rights) is reported by every command and fails audit verify. The
 * command line works on the team store without writing any local store file.
 */
class TeamStoreWitnessTest {
    private static final String PW = "correct horse battery staple 1";

    @Test
    void aTeamStoreRolledBackIsReportedByTheInstallationThatSawItNewer(@TempDir Path temp) throws Exception {
        PgCluster pg = PgCluster.get();
        String url = pg.newDatabase();
        String db = PgCluster.databaseOf(url);
        Path localFolder = temp.resolve("must-stay-empty");
        CliHarness alice = new CliHarness(localFolder, Clock.systemUTC()).withWitness(temp.resolve("witness"))
                .onTeamStore(url).as("alice", PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.run("keys", "create", "--site", "--name", "a").exit()).isZero();
        String head = pg.psql(db, "SELECT last_seq || ' ' || last_hash FROM audit_head");
        assertThat(alice.run("keys", "create", "--site", "--name", "b").exit()).isZero();
        assertThat(alice.run("keys", "list").err()).doesNotContain("warning");

        // what a restore of an older dump would leave: the newer entries gone, the head back where it was
        String[] old = head.split(" ");
        pg.psql(db, "DELETE FROM audit_entry WHERE seq > " + old[0] + "; UPDATE audit_head SET last_seq = " + old[0]
                + ", last_hash = '" + old[1] + "'");

        CliHarness.Result list = alice.run("keys", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.err()).contains("keydesk: warning:").contains("rolled back");
        assertThat(alice.run("audit", "verify").exit()).isEqualTo(ExitCode.AUDIT_BROKEN);
        assertThat(Files.exists(localFolder)).as("no local store was made").isFalse();
    }
}
