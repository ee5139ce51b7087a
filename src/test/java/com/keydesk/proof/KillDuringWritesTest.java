package com.keydesk.proof;

import com.keydesk.app.Main;
import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;
import com.keydesk.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the real command line (SIGKILL) at random moments while it creates, disables, enables and
 * revokes keys. After every kill the store opens, every change the program reported is there,
 * every printed secret of a live key verifies, and the audit chain verifies.
 */
class KillDuringWritesTest {
    private static final int KILLS_WANTED = 20;
    private static final String PASSWORD = "correct horse battery staple 1";
    private static final Pattern KEY_ID = Pattern.compile("\"id\": (\\d+)");

    @TempDir
    Path temp;
    private Path store;
    private final Random random = new Random(Long.getLong("kill.seed", System.nanoTime()));

    enum State { ACTIVE, DISABLED, REVOKED }

    record Run(int exit, boolean killed, String out) {
    }

    @Test
    void everyReportedChangeSurvivesAKill() throws Exception {
        store = temp.resolve("store");
        assertThat(keydesk("init", "--site", "Crash", "--admin", "alice").exit()).isZero();
        Map<Long, String> secrets = new HashMap<>();
        Map<Long, Set<State>> allowed = new HashMap<>();
        long started = System.nanoTime();
        Run first = keydesk("keys", "create", "--site", "--name", "calibration", "--json");
        long typicalNanos = System.nanoTime() - started;
        learnCreated(first, secrets, allowed);

        int kills = 0;
        List<String> log = new ArrayList<>();
        for (int round = 0; kills < KILLS_WANTED && round < 80; round++) {
            List<Long> ids = new ArrayList<>(allowed.keySet().stream().filter(id -> allowed.get(id).contains(State.ACTIVE)
                    || allowed.get(id).contains(State.DISABLED)).toList());
            int op = ids.isEmpty() ? 0 : random.nextInt(4);
            long id = ids.isEmpty() ? -1 : ids.get(random.nextInt(ids.size()));
            long delay = (long) (typicalNanos * (0.3 + random.nextDouble() * 0.9));
            Run run = switch (op) {
                case 0 -> killAfter(delay, "keys", "create", "--site", "--name", "key " + round, "--json");
                case 1 -> killAfter(delay, "keys", "disable", Long.toString(id));
                case 2 -> killAfter(delay, "keys", "enable", Long.toString(id));
                default -> killAfter(delay, "keys", "revoke", Long.toString(id));
            };
            kills += run.killed() ? 1 : 0;
            log.add("round " + round + " op " + op + " id " + id + " killed=" + run.killed() + " exit=" + run.exit());
            switch (op) {
                case 0 -> learnCreated(run, secrets, allowed);
                case 1 -> expect(allowed, id, run, State.DISABLED);
                case 2 -> expect(allowed, id, run, State.ACTIVE);
                default -> expect(allowed, id, run, State.REVOKED);
            }
            checkStore(secrets, allowed, String.join("\n", log));
        }
        assertThat(kills).as("kills that landed while the command ran").isGreaterThanOrEqualTo(KILLS_WANTED);
    }

    /**
     * After a kill, checked in this JVM (fast; the killed process is gone): the store opens, the
     * audit chain holds, each key is in a state its history allows, and each printed secret of a
     * live key verifies.
     */
    private void checkStore(Map<Long, String> secrets, Map<Long, Set<State>> allowed, String log) {
        try (Database db = Database.open(store)) {
            Services services = Services.over(db, Argon2Params.SHIPPED, Clock.systemUTC(), new SecureRandom());
            Session alice = services.auth().signIn("alice", PASSWORD.toCharArray());
            assertThat(services.audit().verify(alice).intact()).as("audit chain after:\n%s", log).isTrue();
            Map<Long, State> actual = new HashMap<>();
            services.keys().list(alice).forEach(k -> actual.put(k.id(),
                    k.permissionSet() == PermissionSet.NONE ? State.DISABLED : State.ACTIVE));
            for (var entry : allowed.entrySet()) {
                State now = actual.getOrDefault(entry.getKey(), State.REVOKED);
                assertThat(entry.getValue()).as("key %d is %s after:\n%s", entry.getKey(), now, log).contains(now);
                entry.setValue(Set.of(now));
                String secret = secrets.get(entry.getKey());
                if (secret != null) {
                    boolean verifies = verifies(services, secret);
                    assertThat(verifies).as("key %d (%s) verifies", entry.getKey(), now).isEqualTo(now == State.ACTIVE);
                }
            }
        }
    }

    private static boolean verifies(Services services, String secret) {
        try {
            services.verifier().verify(secret);
            return true;
        } catch (KeyRejectedException e) {
            return false;
        }
    }

    private static void expect(Map<Long, Set<State>> allowed, long id, Run run, State target) {
        State before = allowed.get(id).iterator().next();
        boolean reported = !run.killed() && run.exit() == 0;
        if (reported) {
            allowed.put(id, Set.of(target));
        } else if (!run.killed()) {
            allowed.put(id, Set.of(before));   // refused (e.g. already disabled): nothing changed
        } else {
            allowed.put(id, EnumSet.of(before, target));
        }
    }

    /** A secret printed means the key was stored: it must be there, whether or not the process finished. */
    private static void learnCreated(Run run, Map<Long, String> secrets, Map<Long, Set<State>> allowed) {
        Matcher id = KEY_ID.matcher(run.out());
        Matcher key = Pattern.compile("\"key\": \"(kd[su]_\\w+)\"").matcher(run.out());
        if (id.find() && key.find()) {
            long keyId = Long.parseLong(id.group(1));
            secrets.put(keyId, key.group(1));
            allowed.put(keyId, Set.of(State.ACTIVE));
        } else {
            assertThat(run.killed()).as("a create that was not killed printed its key").isTrue();
        }
    }

    private Run killAfter(long delayNanos, String... args) throws Exception {
        Process p = start(args);
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p));
        boolean finished = p.waitFor(delayNanos, TimeUnit.NANOSECONDS);
        if (!finished) {
            p.destroyForcibly();   // SIGKILL: no shutdown hooks, no flushing
            p.waitFor(30, TimeUnit.SECONDS);
        }
        return new Run(p.exitValue(), !finished, new String(out.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    }

    private Run keydesk(String... args) throws Exception {
        return keydeskWithStdin("", args);
    }

    private Run keydeskWithStdin(String stdin, String... args) throws Exception {
        Process p = start(args);
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = readAll(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), false, new String(out, StandardCharsets.UTF_8));
    }

    private Process start(String... args) throws Exception {
        return ChildJvm.builder(Main.class, Map.of("KEYDESK_HOME", store.toString(), "KEYDESK_USER", "alice",
                "KEYDESK_PASSWORD", PASSWORD), args)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static byte[] readAll(Process p) {
        try {
            return p.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }
}
