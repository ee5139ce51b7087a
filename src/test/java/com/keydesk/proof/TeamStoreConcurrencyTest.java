package com.keydesk.proof;

import com.keydesk.app.Main;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.User;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.StoreCreation;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.ChildJvm;
import com.keydesk.testing.CliWorkload;
import com.keydesk.testing.MixedChanges;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes at once on one PostgreSQL team store: command lines in child JVMs and a
 * service user in this JVM make hundreds of mixed changes; afterwards every change is there,
 * audited once, and the chain verifies. The last-administrator rule holds between two
 * administrators who demote or deactivate each other at the same moment. See also
 * {@link TeamStoreOutageTest} for kill -9 and a server restart in the middle of a run.
 */
class TeamStoreConcurrencyTest {
    static final String PASSWORD = "correct horse battery staple 1";
    private static final int WRITERS = Integer.getInteger("team.writers", 3);
    private static final int CHANGES = Integer.getInteger("team.changes", 60);

    @TempDir
    Path temp;
    private final long seed = Long.getLong("team.seed", System.nanoTime());
    private final List<Process> children = new ArrayList<>();
    private TeamStore team;
    private StoreCreation.Created store;

    @BeforeEach
    void aTeamStore() {
        team = newTeamStore();
        store = StoreCreation.create(team, "Acme", "alice", PASSWORD.toCharArray(),
                db -> Services.over(db, TestStore.CHEAP, Clock.systemUTC(), new SecureRandom()));
    }

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        if (store != null) {
            store.db().close();
        }
    }

    static TeamStore newTeamStore() {
        return new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
    }

    @Test
    void hundredsOfMixedChangesFromSeveralProcessesAreAllKeptAndAuditedOnce() throws Exception {
        Services services = store.services();
        Session alice = store.session();
        ChangeLedger ledger = new ChangeLedger();
        List<CompletableFuture<Void>> reports = new ArrayList<>();
        List<Process> workloads = new ArrayList<>();
        for (int w = 1; w <= WRITERS; w++) {
            String writer = "w" + w;
            services.users().add(alice, writer, null, true, PASSWORD.toCharArray());
            Process p = start(CliWorkload.class, writer, writer, String.valueOf(CHANGES), String.valueOf(seed + w));
            workloads.add(p);
            reports.add(CompletableFuture.runAsync(() -> readReports(p, ledger)));
        }
        // and a few real one-shot command lines, started all at once
        List<Process> oneShots = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            oneShots.add(start(Main.class, "w1", "keys", "create", "--site", "--name", "one-shot-" + i, "--json"));
        }
        Set<String> usersBefore = services.users().list(alice).stream().map(User::username).collect(Collectors.toSet());

        ByteArrayOutputStream inProcessReport = new ByteArrayOutputStream();
        new MixedChanges("alice", seed, new PrintStream(inProcessReport, true, StandardCharsets.UTF_8))
                .run(CHANGES, inProcess(services, alice));

        for (CompletableFuture<Void> report : reports) {
            report.get(10, TimeUnit.MINUTES);
        }
        for (Process p : workloads) {
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("a writing command line process ended").isTrue();
            assertThat(p.exitValue()).as("a writing command line process").isZero();
        }
        inProcessReport.toString(StandardCharsets.UTF_8).lines().forEach(ledger::accept);
        for (int i = 0; i < oneShots.size(); i++) {
            learnOneShot(ledger, "one-shot-" + i, "one-shot-" + (i + 1), oneShots.get(i));
        }

        assertThat(ledger.failures()).as("changes that failed without any fault injected (seed %d); server log:%n%s",
                seed, PgCluster.get().logTail()).isEmpty();
        assertThat(ledger.acknowledged()).isEqualTo((WRITERS + 1) * CHANGES + oneShots.size());
        ledger.check(services, alice, usersBefore);
        assertThat(oneShot("w2", "audit", "verify").exit).as("keydesk audit verify").isZero();
    }

    @Test
    void twoAdministratorsRemovingEachOtherAtOnceLeaveExactlyOne() throws Exception {
        Services services = store.services();
        services.users().add(store.session(), "bob", null, true, PASSWORD.toCharArray());
        String database = team.address().database();
        String[][] rounds = {{"demote", "demote"}, {"deactivate", "deactivate"}, {"demote", "deactivate"},
                {"deactivate", "demote"}};
        for (String[] round : rounds) {
            long entriesBefore = services.audit().entries(signIn(services, "alice")).size();
            Run[] runs = atTheSameMoment(database,
                    () -> start(Main.class, "alice", "users", round[0], "bob"),
                    () -> start(Main.class, "bob", "users", round[1], "alice"));

            String what = round[0] + "/" + round[1] + ": alice " + runs[0] + ", bob " + runs[1];
            assertThat(List.of(runs[0].exit, runs[1].exit)).as(what).containsOnlyOnce(0);
            List<User> admins = services.users().list(signIn(services, runs[0].exit == 0 ? "alice" : "bob")).stream()
                    .filter(u -> u.admin() && u.active()).toList();
            assertThat(admins).as(what).hasSize(1);
            Run loser = runs[0].exit == 0 ? runs[1] : runs[0];
            assertThat(loser.err.lines().toList()).as(what).singleElement().asString().startsWith("keydesk: ");

            String winner = admins.getFirst().username();
            String other = winner.equals("alice") ? "bob" : "alice";
            Session session = signIn(services, winner);
            assertThat(services.audit().verify(session).intact()).isTrue();
            assertThat(services.audit().entries(session)).as("one change audited, and %s's refusal at most", other)
                    .hasSizeBetween((int) entriesBefore + 1, (int) entriesBefore + 2);
            // back to two administrators for the next round
            User loserNow = services.users().list(session).stream().filter(u -> u.username().equals(other)).findFirst()
                    .orElseThrow();
            if (!loserNow.active()) {
                services.users().setActive(session, other, true);
            }
            if (!loserNow.admin()) {
                services.users().setAdmin(session, other, true);
            }
        }
    }

    /**
     * Starts two command lines while this test holds a lock on every user row, waits until both
     * are blocked on it (so both have signed in and read their own rights), then lets go: from
     * there they race for the same rows.
     */
    private Run[] atTheSameMoment(String database, Starter first, Starter second) throws Exception {
        PgCluster pg = PgCluster.get();
        Process a;
        Process b;
        try (var lock = pg.connect(database)) {
            lock.setAutoCommit(false);
            try (var s = lock.createStatement()) {
                s.execute("SELECT id FROM app_user FOR UPDATE");
            }
            a = first.start();
            b = second.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (waitingOnALock(pg, database) < 2) {
                assertThat(System.nanoTime()).as("both command lines reach the locked rows").isLessThan(deadline);
                assertThat(a.isAlive() && b.isAlive()).as("both command lines still running").isTrue();
                Thread.sleep(20);
            }
            lock.rollback();
        }
        return new Run[] {finish(a), finish(b)};
    }

    private static int waitingOnALock(PgCluster pg, String database) {
        return Integer.parseInt(pg.psql("postgres", "select count(*) from pg_stat_activity where datname = '"
                + database + "' and wait_event_type = 'Lock'"));
    }

    interface Starter {
        Process start() throws IOException;
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + (err.isBlank() ? "" : " (" + err.strip() + ")");
        }
    }

    private static Session signIn(Services services, String username) {
        return services.auth().signIn(username, PASSWORD.toCharArray());
    }

    /** The service user in this JVM: the same changes through the services, as the desktop app makes them. */
    static MixedChanges.Writer inProcess(Services services, Session session) {
        return (op, subject) -> {
            switch (op) {
                case MixedChanges.CREATE -> {
                    IssuedKey k = services.keys().create(session, NewKey.site(subject, null, null));
                    return MixedChanges.Result.ok(k.key().id() + " " + k.secret().reveal());
                }
                case MixedChanges.DISABLE -> services.keys().disable(session, Long.parseLong(subject));
                case MixedChanges.ENABLE -> services.keys().enable(session, Long.parseLong(subject), null);
                case MixedChanges.REVOKE -> services.keys().revoke(session, Long.parseLong(subject));
                case MixedChanges.ADD_USER -> services.users().add(session, subject, null, false,
                        (subject + " password 123").toCharArray());
                default -> throw new IllegalArgumentException(op);
            }
            return MixedChanges.Result.ok(null);
        };
    }

    /** A one-shot `keydesk keys create --json`, entered in the ledger as its own writer. */
    private static void learnOneShot(ChangeLedger ledger, String tag, String name, Process p) throws Exception {
        Run run = finish(p);
        ledger.accept(String.join("\t", "START", tag, MixedChanges.CREATE, name, "-", "-", "-"));
        var id = java.util.regex.Pattern.compile("\"id\": (\\d+)").matcher(run.out);
        var key = java.util.regex.Pattern.compile("\"key\": \"(kd[su]_\\w+)\"").matcher(run.out);
        if (run.exit == 0 && id.find() && key.find()) {
            ledger.accept(String.join("\t", "OK", tag, MixedChanges.CREATE, name, "0", "-", id.group(1) + " " + key.group(1)));
        } else {
            ledger.accept(String.join("\t", "FAIL", tag, MixedChanges.CREATE, name, String.valueOf(run.exit), "-", run.err));
        }
    }

    private Run oneShot(String user, String... args) throws Exception {
        return finish(start(Main.class, user, args));
    }

    static Run finish(Process p) throws Exception {
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("a command line ends (no hang)").isTrue();
        return new Run(p.exitValue(), out, err.get(1, TimeUnit.MINUTES));
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static void readReports(Process p, ChangeLedger ledger) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                ledger.accept(line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A child JVM acting as {@code user} on this test's team store. */
    private Process start(Class<?> main, String user, String... args) throws IOException {
        Process p = startOn(team, temp, main, user, args);
        children.add(p);
        return p;
    }

    static Process startOn(TeamStore team, Path temp, Class<?> main, String user, String... args) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("KEYDESK_STORE", team.display(), "KEYDESK_USER", user,
                "KEYDESK_PASSWORD", PASSWORD, "KEYDESK_WITNESS_DIR", temp.resolve("witness").toString()));
        return ChildJvm.builder(main, env, args).start();
    }
}
