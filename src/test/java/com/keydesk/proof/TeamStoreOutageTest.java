package com.keydesk.proof;

import com.keydesk.domain.User;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.StoreCreation;
import com.keydesk.store.Database;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.CliWorkload;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.keydesk.proof.TeamStoreConcurrencyTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trouble in the middle of a run on a team store: PostgreSQL restarts while a command line is
 * writing, and writing command lines are killed with SIGKILL. Afterwards nothing a command line
 * acknowledged is lost, nothing half-made is left, the chain verifies, and while the server was
 * away each command failed with exit code 8 instead of hanging.
 */
class TeamStoreOutageTest {
    /** The child prints a line at least this often while it works: longer means it hangs. */
    private static final long SILENCE_LIMIT_SECONDS = 120;
    private static final String END_OF_OUTPUT = "\u0000end";

    @TempDir
    Path temp;
    private final List<Process> children = new ArrayList<>();
    private final long seed = Long.getLong("team.seed", System.nanoTime());
    private final ChangeLedger ledger = new ChangeLedger();

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aServerRestartAndKilledWritersLoseNothingAcknowledgedAndLeaveNothingHalfMade() throws Exception {
        PgCluster pg = PgCluster.get();
        TeamStore team = TeamStoreConcurrencyTest.newTeamStore();
        Set<String> usersBefore;
        StoreCreation.Created store = created(team);
        try {
            store.services().users().add(store.session(), "w1", null, true, PASSWORD.toCharArray());
            store.services().users().add(store.session(), "w2", null, true, PASSWORD.toCharArray());
            usersBefore = store.services().users().list(store.session()).stream().map(User::username)
                    .collect(Collectors.toSet());
        } finally {
            store.db().close();
        }

        Writer first = new Writer(team, "w1", seed);
        first.awaitAcknowledged(15);
        int beforeRestart = ledger.acknowledged();
        pg.restart();
        first.awaitAcknowledged(15);   // carries on once the server is back
        first.kill();                  // SIGKILL, in the middle of some change
        assertThat(ledger.acknowledged()).as("changes acknowledged after the restart").isGreaterThan(beforeRestart);

        Writer second = new Writer(team, "w2", seed + 1);
        second.awaitAcknowledged(10);
        second.kill();
        pg.restart();                  // the killed writer's session goes with the old server

        assertThat(ledger.failures()).as("commands that failed while PostgreSQL restarted")
                .allSatisfy(line -> assertThat(line.split("\t")[4]).as(line).isEqualTo("8"));
        try (Database db = Database.open(team)) {
            Services services = Services.over(db, TestStore.CHEAP, Clock.systemUTC(), new SecureRandom());
            Session alice = services.auth().signIn("alice", PASSWORD.toCharArray());
            ledger.check(services, alice, usersBefore);
        }
    }

    private static StoreCreation.Created created(TeamStore team) {
        return StoreCreation.create(team, "Acme", "alice", PASSWORD.toCharArray(),
                db -> Services.over(db, TestStore.CHEAP, Clock.systemUTC(), new SecureRandom()));
    }

    /** A command line writing until it is killed, its reports read as they come. */
    private final class Writer {
        private final String tag;
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Writer(TeamStore team, String tag, long seed) throws IOException {
            this.tag = tag;
            this.process = TeamStoreConcurrencyTest.startOn(team, temp, CliWorkload.class, tag, tag, "1000000",
                    String.valueOf(seed));
            children.add(process);
            Thread reader = new Thread(this::read, "reports of " + tag);
            reader.setDaemon(true);
            reader.start();
        }

        /** Whole lines only: a line cut short by the kill was never printed, so never acknowledged. */
        private void read() {
            try (var r = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                for (int c = r.read(); c >= 0; c = r.read()) {
                    if (c == '\n') {
                        lines.add(line.toString());
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            } catch (IOException killed) {
                // the stream ends with the process
            }
            lines.add(END_OF_OUTPUT);
        }

        /** Feeds the ledger until {@code count} more changes were acknowledged. */
        void awaitAcknowledged(int count) throws InterruptedException {
            int target = ledger.acknowledged() + count;
            while (ledger.acknowledged() < target) {
                String line = lines.poll(SILENCE_LIMIT_SECONDS, TimeUnit.SECONDS);
                assertThat(line).as("%s said nothing for %d s: a command hangs", tag, SILENCE_LIMIT_SECONDS).isNotNull();
                assertThat(line).as("%s ended early", tag).isNotEqualTo(END_OF_OUTPUT);
                ledger.accept(line);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();   // SIGKILL: no shutdown hooks, no rollback by the client
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (String line = lines.poll(60, TimeUnit.SECONDS); line != null && !line.equals(END_OF_OUTPUT);
                 line = lines.poll(60, TimeUnit.SECONDS)) {
                ledger.accept(line);   // what it printed before it died counts as acknowledged
            }
            ledger.killed(tag);
        }
    }
}
