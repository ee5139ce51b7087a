package com.keydesk.proof;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.AuditVerification;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads at once create keys, disable and enable them, rename them and add users through
 * the services of one store. Each thread changes only its own keys, so the end state of every
 * key is known: afterwards every reported create is listed, every key is as the last successful
 * operation on it left it, and the audit chain verifies with exactly one entry per successful change.
 */
class ConcurrentUpdatesTest {
    private static final int THREADS = Integer.getInteger("concurrent.threads", 8);
    private static final int OPERATIONS = Integer.getInteger("concurrent.operations", 25);
    private static final String CREATED = "api_key.created";
    private static final String DISABLED = "api_key.disabled";
    private static final String ENABLED = "api_key.enabled";
    private static final String UPDATED = "api_key.updated";
    private static final String USER_CREATED = "user.created";

    @TempDir
    Path temp;

    /** What the thread that owns a key expects of it, after its last successful operation. */
    static final class Expected {
        String name;
        boolean disabled;

        Expected(String name) {
            this.name = name;
        }
    }

    @Test
    void concurrentChangesAreAllKeptAndAuditedOnceEach() throws Exception {
        long seed = Long.getLong("concurrent.seed", System.nanoTime());
        try (TestStore store = TestStore.in(temp)) {
            Map<String, Long> before = okEntriesByAction(store);
            int usersBefore = store.services.users().list(store.admin).size();
            assertThat(store.services.keys().list(store.admin)).isEmpty();

            Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
            Map<Long, Expected> expected = new ConcurrentHashMap<>();
            Map<Long, String> secrets = new ConcurrentHashMap<>();
            List<String> addedUsers = java.util.Collections.synchronizedList(new ArrayList<>());
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long started;
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        go.await();
                        Random random = new Random(seed + thread);
                        Map<Long, Expected> mine = new HashMap<>();
                        for (int op = 0; op < OPERATIONS; op++) {
                            int kind = mine.isEmpty() ? 0 : random.nextInt(4);
                            List<Long> ids = new ArrayList<>(mine.keySet());
                            long id = ids.isEmpty() ? -1 : ids.get(random.nextInt(ids.size()));
                            String what = "thread " + thread + " op " + op + " kind " + kind + " key " + id;
                            try {
                                switch (kind) {
                                    case 0 -> {
                                        String name = "t" + thread + " key " + op;
                                        IssuedKey issued = op % 3 == 0 && !addedUsers.isEmpty()
                                                ? store.services.keys().create(store.admin, NewKey.forUser(
                                                addedUsers.get(random.nextInt(addedUsers.size())), name, null,
                                                PermissionSet.FULL, null))
                                                : store.services.keys().create(store.admin, NewKey.site(name, null, null));
                                        mine.put(issued.key().id(), new Expected(name));
                                        secrets.put(issued.key().id(), issued.secret().reveal());
                                        successes.computeIfAbsent(CREATED, a -> new AtomicInteger()).incrementAndGet();
                                    }
                                    case 1 -> {
                                        Expected e = mine.get(id);
                                        ApiKey after = e.disabled
                                                ? store.services.keys().enable(store.admin, id, null)
                                                : store.services.keys().disable(store.admin, id);
                                        successes.computeIfAbsent(e.disabled ? ENABLED : DISABLED,
                                                a -> new AtomicInteger()).incrementAndGet();
                                        e.disabled = !e.disabled;
                                        assertThat(after.permissionSet() == PermissionSet.NONE).as(what).isEqualTo(e.disabled);
                                    }
                                    case 2 -> {
                                        Expected e = mine.get(id);
                                        String name = "t" + thread + " renamed " + op;
                                        ApiKey after = store.services.keys().update(store.admin, id,
                                                new KeyEdit(name, null, null, false));
                                        successes.computeIfAbsent(UPDATED, a -> new AtomicInteger()).incrementAndGet();
                                        e.name = name;
                                        assertThat(after.name()).as(what).isEqualTo(name);
                                    }
                                    default -> {
                                        String username = "u" + thread + "n" + op;
                                        store.services.users().add(store.admin, username, null, false,
                                                (username + " password 123").toCharArray());
                                        successes.computeIfAbsent(USER_CREATED, a -> new AtomicInteger()).incrementAndGet();
                                        addedUsers.add(username);
                                    }
                                }
                            } catch (RuntimeException | AssertionError e) {
                                failures.add(what + ": " + e);
                            }
                        }
                        expected.putAll(mine);
                        return null;
                    }));
                }
                started = System.nanoTime();
                go.countDown();
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Map<String, Integer> succeeded = new TreeMap<>(successes.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
            System.out.printf("ConcurrentUpdatesTest (seed %d): %d threads x %d operations in %d ms; succeeded %s;"
                    + " %d failed%n", seed, THREADS, OPERATIONS, millis, succeeded, failures.size());
            failures.forEach(f -> System.out.println("  failed: " + f));

            // every reported create is listed, and each key is as its last successful operation left it
            Map<Long, ApiKey> listed = store.services.keys().list(store.admin).stream()
                    .collect(Collectors.toMap(ApiKey::id, Function.identity()));
            int creates = succeeded.getOrDefault(CREATED, 0);
            assertThat(expected).hasSize(creates);
            assertThat(listed.keySet()).as("listed keys are exactly the reported creates")
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (var e : expected.entrySet()) {
                ApiKey key = listed.get(e.getKey());
                assertThat(key.name()).as("name of key %d", e.getKey()).isEqualTo(e.getValue().name);
                assertThat(key.permissionSet() == PermissionSet.NONE).as("key %d disabled", e.getKey())
                        .isEqualTo(e.getValue().disabled);
                boolean verifies;
                try {
                    store.services.verifier().verify(secrets.get(e.getKey()));
                    verifies = true;
                } catch (RuntimeException rejected) {
                    verifies = false;
                }
                assertThat(verifies).as("key %d verifies iff enabled", e.getKey()).isEqualTo(!e.getValue().disabled);
            }
            assertThat(store.services.users().list(store.admin))
                    .hasSize(usersBefore + succeeded.getOrDefault(USER_CREATED, 0));

            // the chain holds, and each successful change wrote exactly one entry
            AuditVerification verification = store.services.audit().verify(store.admin);
            assertThat(verification.intact()).as(verification.message()).isTrue();
            Map<String, Long> after = okEntriesByAction(store);
            for (String action : List.of(CREATED, DISABLED, ENABLED, UPDATED, USER_CREATED)) {
                assertThat(after.getOrDefault(action, 0L) - before.getOrDefault(action, 0L))
                        .as("audit entries for %s", action).isEqualTo((long) succeeded.getOrDefault(action, 0));
            }
            List<AuditEntry> notOk = store.services.audit().entries(store.admin).stream()
                    .filter(e -> !AuditEntry.OUTCOME_OK.equals(e.outcome())).toList();
            assertThat(notOk).as("refused or failed attempts recorded").isEmpty();
            assertThat(failures).as("operations that failed").isEmpty();
        }
    }

    private static Map<String, Long> okEntriesByAction(TestStore store) {
        return store.services.audit().entries(store.admin).stream()
                .filter(e -> AuditEntry.OUTCOME_OK.equals(e.outcome()))
                .collect(Collectors.groupingBy(AuditEntry::action, Collectors.counting()));
    }
}
