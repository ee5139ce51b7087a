package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.store.Database;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Signing in: one answer for every wrong guess, and a growing wait that a restart does not reset. */
class SignInTest {
    private static final String BOB_PASSWORD = "bob password 123";
    private static final Pattern WAIT = Pattern.compile("Try again in (\\d+) seconds?");

    @TempDir
    Path temp;
    private TestStore store;
    private AuthService auth;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        auth = store.services.auth();
        store.addUser("bob");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void rightPasswordSignsIn() {
        Session session = auth.signIn("bob", BOB_PASSWORD.toCharArray());

        assertThat(session.username()).isEqualTo("bob");
        assertThat(store.services.keys().list(session)).isEmpty();
    }

    @Test
    void usernameIgnoresCaseAndSurroundingSpaces() {
        assertThat(auth.signIn("  BoB ", BOB_PASSWORD.toCharArray()).username()).isEqualTo("bob");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        String wrongPassword = failure("bob", "not bob's password").getMessage();
        String unknownUser = failure("nobody", BOB_PASSWORD).getMessage();
        String nothing = failure("", "").getMessage();

        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(nothing).contains("username or password is wrong");
    }

    @Test
    void nullInputIsAnsweredLikeAnyWrongGuess() {
        assertThat(catchThrowableOfType(AuthenticationException.class, () -> auth.signIn(null, null)).getMessage())
                .isEqualTo(failure("bob", "wrong").getMessage());
    }

    @Test
    void failuresAreAuditedWithoutThePassword() {
        failure("bob", "guess one, secret-ish");
        failure("nobody", "guess two, secret-ish");

        List<AuditEntry> failed = StoreSnapshot.audit(store).stream()
                .filter(e -> e.action().equals("auth.sign_in_failed")).toList();
        assertThat(failed).hasSize(2).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_FAILED);
            assertThat(e.detail()).doesNotContain("secret-ish");
        });
        assertThat(failed).extracting(AuditEntry::target).first().isEqualTo("user:bob");
        assertThat(failed.get(1).target()).matches("unknown-user#[0-9a-f]{12}").isEqualTo(failed.get(1).actor());
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
    }

    @Test
    void aPasswordTypedIntoTheUsernameFieldNeverReachesTheAuditLog() {
        failure("my secret pass phrase 42", "");
        failure("my secret pass phrase 42", "again");

        List<AuditEntry> failed = StoreSnapshot.audit(store).stream()
                .filter(e -> e.action().equals("auth.sign_in_failed")).toList();
        assertThat(failed).hasSize(2).allSatisfy(e -> assertThat(e.actor() + e.target() + e.detail())
                .doesNotContain("secret").doesNotContain("phrase"));
        assertThat(failed.get(0).actor()).as("one unknown name is still one name").isEqualTo(failed.get(1).actor());
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
    }

    @Test
    void repeatedFailuresBringAGrowingWait() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS; i++) {
            failure("bob", "wrong " + i);
        }
        long first = secondsToWait(failure("bob", BOB_PASSWORD));
        assertThat(first).isPositive();

        store.clock.advance(Duration.ofSeconds(first));
        failure("bob", "wrong again");
        long second = secondsToWait(failure("bob", BOB_PASSWORD));

        store.clock.advance(Duration.ofSeconds(second));
        failure("bob", "and again");
        long third = secondsToWait(failure("bob", BOB_PASSWORD));

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void rightPasswordIsRefusedDuringTheWaitAndAcceptedAfterIt() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS; i++) {
            failure("bob", "wrong " + i);
        }
        AuthenticationException blocked = failure("bob", BOB_PASSWORD);
        assertThat(blocked.getMessage()).contains("Try again");
        long wait = secondsToWait(blocked);

        store.clock.advance(Duration.ofSeconds(wait).minusMillis(1));
        assertThat(failure("bob", BOB_PASSWORD).getMessage()).contains("Try again");

        store.clock.advance(Duration.ofMillis(1));
        assertThat(auth.signIn("bob", BOB_PASSWORD.toCharArray()).username()).isEqualTo("bob");
    }

    @Test
    void waitIsCappedAtFifteenMinutes() {
        for (int i = 0; i < 40; i++) {
            store.clock.advance(AuthService.MAX_DELAY);
            failure("bob", "wrong " + i);
        }
        assertThat(Duration.ofSeconds(secondsToWait(failure("bob", BOB_PASSWORD)))).isLessThanOrEqualTo(AuthService.MAX_DELAY);
    }

    @Test
    void unknownUsernamesAreSlowedDownToo() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS; i++) {
            failure("nobody", "wrong " + i);
        }

        assertThat(failure("nobody", "wrong").getMessage()).contains("Try again");
    }

    @Test
    void waitBelongsToOneUsernameInAnyCase() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS; i++) {
            failure(i % 2 == 0 ? "BOB" : "bob", "wrong " + i);
        }

        assertThat(failure("Bob", BOB_PASSWORD).getMessage()).contains("Try again");
        assertThat(auth.signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()).username()).isEqualTo(TestStore.ADMIN);
    }

    @Test
    void successResetsTheCount() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS - 1; i++) {
            failure("bob", "wrong " + i);
        }
        auth.signIn("bob", BOB_PASSWORD.toCharArray());

        for (int i = 0; i < AuthService.FREE_ATTEMPTS - 1; i++) {
            assertThat(failure("bob", "wrong again " + i).getMessage()).doesNotContain("Try again");
        }
        assertThat(auth.signIn("bob", BOB_PASSWORD.toCharArray()).username()).isEqualTo("bob");
    }

    @Test
    void waitSurvivesClosingAndReopeningTheStore() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS; i++) {
            failure("bob", "wrong " + i);
        }
        store.db.close();

        try (Database reopened = Database.open(store.db.address())) {
            Services services = Services.over(reopened, TestStore.CHEAP, store.clock, new SecureRandom());
            assertThatThrownBy(() -> services.auth().signIn("bob", BOB_PASSWORD.toCharArray()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("Try again");

            store.clock.advance(AuthService.MAX_DELAY);
            assertThat(services.auth().signIn("bob", BOB_PASSWORD.toCharArray()).username()).isEqualTo("bob");
        }
    }

    @Test
    void aDeactivatedAccountGetsTheWrongPasswordAnswerEvenWithTheRightPassword() {
        store.services.users().setActive(store.admin, "bob", false);

        String rightPassword = failure("bob", BOB_PASSWORD).getMessage();
        assertThat(rightPassword).isEqualTo(failure("bob", "wrong").getMessage())
                .isEqualTo(failure("nobody", "wrong").getMessage()).doesNotContain("deactivated");
        // administrators still learn why from the audit log
        assertThat(StoreSnapshot.audit(store)).filteredOn(e -> e.action().equals("auth.sign_in_failed"))
                .first().satisfies(e -> assertThat(e.detail()).startsWith("deactivated"));
    }

    @Test
    void passwordIsWipedAfterSignIn() {
        char[] right = BOB_PASSWORD.toCharArray();
        char[] wrong = "wrong password".toCharArray();

        auth.signIn("bob", right);
        catchThrowableOfType(AuthenticationException.class, () -> auth.signIn("bob", wrong));

        assertThat(right).containsOnly('\0');
        assertThat(wrong).containsOnly('\0');
    }

    @Test
    void oddUsernamesFailLikeAnyOther() {
        String expected = failure("nobody", "x").getMessage();

        for (String odd : List.of("😀".repeat(40), "x".repeat(5000), "evil\u202Egnp.exe", "line\nbreak", "a;DROP TABLE app_user")) {
            assertThat(failure(odd, "x").getMessage()).as("username %s", odd).isEqualTo(expected);
        }
        assertThat(StoreSnapshot.audit(store)).allSatisfy(e ->
                assertThat(e.actor() + e.target()).doesNotContain("\u202E").doesNotContain("\n"));
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
    }

    @Test
    void attemptsDuringAWaitDoNotExtendIt() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS; i++) {
            failure("bob", "wrong " + i);
        }
        long wait = secondsToWait(failure("bob", "wrong"));
        for (int i = 0; i < 10; i++) {
            store.clock.advance(Duration.ofMillis(wait * 100L - 1));
            failure("bob", "guess during the wait " + i);
        }
        // ten tenths of the wait, less 10 ms, have passed: what is left is what was left, not a new wait
        assertThat(secondsToWait(failure("bob", BOB_PASSWORD))).isEqualTo(1);

        store.clock.advance(Duration.ofMillis(10));
        assertThat(auth.signIn("bob", BOB_PASSWORD.toCharArray()).username()).isEqualTo("bob");
    }

    @Test
    void aFailureThatEndsWhileAnotherAttemptsWaitRunsCountsButDoesNotRestartIt() {
        // Two attempts at once, made deterministic: the outer attempt's failure is recorded half a
        // second after its check, and in between a second attempt fails and starts a 1 s wait.
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Runnable> atSecondCall = new AtomicReference<>();
        java.time.Clock hooked = new java.time.Clock() {
            @Override
            public java.time.Instant instant() {
                if (calls.incrementAndGet() == 2) {
                    Runnable hook = atSecondCall.getAndSet(null);
                    if (hook != null) {
                        hook.run();
                    }
                }
                return store.clock.instant();
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        AuditLog log = new AuditLog(store.db, hooked);
        AuthService racing = new AuthService(store.db, new Guard(store.db, log), log,
                new com.keydesk.crypto.Argon2idHasher(TestStore.CHEAP), new DummyHash(TestStore.CHEAP, new SecureRandom()), hooked);
        for (int i = 0; i < AuthService.FREE_ATTEMPTS - 1; i++) {
            failure("bob", "wrong " + i);
        }
        java.time.Instant start = store.clock.instant();
        atSecondCall.set(() -> {
            failure("bob", "the other attempt");          // failure 3: a 1 s wait from start
            store.clock.advance(Duration.ofMillis(500));
        });

        catchThrowableOfType(AuthenticationException.class, () -> racing.signIn("bob", "this attempt".toCharArray()));

        store.clock.set(start.plusSeconds(1));
        assertThat(auth.signIn("bob", BOB_PASSWORD.toCharArray()).username())
                .as("the wait ends 1 s after it began, not 1 s after the later failure").isEqualTo("bob");
        assertThat(StoreSnapshot.audit(store)).filteredOn(e -> e.action().equals("auth.sign_in_failed"))
                .last().satisfies(e -> assertThat(e.detail()).isEqualTo("wrong password, failure 4"));
    }

    @Test
    void throttleRowsOfNamesNobodyTriedForADayAreRemoved() {
        failure("nobody-1", "x");
        failure("nobody-2", "x");
        store.clock.advance(Duration.ofHours(12));
        failure("nobody-3", "x");
        assertThat(throttleRows()).isEqualTo(3);

        store.clock.advance(Duration.ofHours(12).plusSeconds(1));
        failure("bob", "wrong");

        assertThat(throttleRows()).as("nobody-1 and -2 forgotten; nobody-3 and bob kept").isEqualTo(2);
    }

    @Test
    void failuresOlderThanADayNoLongerCountTowardsAWait() {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS - 1; i++) {
            failure("bob", "wrong " + i);
        }
        store.clock.advance(AuthService.FORGET_AFTER.plusSeconds(1));

        assertThat(failure("bob", "wrong again").getMessage()).doesNotContain("Try again");
        assertThat(auth.signIn("bob", BOB_PASSWORD.toCharArray()).username()).isEqualTo("bob");
    }

    @Test
    void anUnknownNameCostsOneArgon2idRunFromTheFirstAttemptLikeAKnownName() {
        var hasher = new com.keydesk.crypto.Argon2idHasher(TestStore.CHEAP);
        AuthService fresh = new AuthService(store.db, new Guard(store.db, new AuditLog(store.db, store.clock)),
                new AuditLog(store.db, store.clock), hasher, new DummyHash(TestStore.CHEAP, new SecureRandom()), store.clock);

        catchThrowableOfType(AuthenticationException.class, () -> fresh.signIn("nobody", "x".toCharArray()));
        assertThat(hasher.runs()).as("first unknown name").isEqualTo(1);
        catchThrowableOfType(AuthenticationException.class, () -> fresh.signIn("bob", "wrong".toCharArray()));
        assertThat(hasher.runs()).as("then a known name").isEqualTo(2);
        catchThrowableOfType(AuthenticationException.class, () -> fresh.signIn("somebody", "x".toCharArray()));
        assertThat(hasher.runs()).as("then another unknown name").isEqualTo(3);
    }

    @Test
    void theDummyHashCarriesTheParametersOfARealOneAndMatchesNothing() {
        var shipped = new com.keydesk.crypto.Argon2idHasher(com.keydesk.crypto.Argon2Params.SHIPPED);
        String dummy = new DummyHash(com.keydesk.crypto.Argon2Params.SHIPPED, new SecureRandom()).get();
        String real = shipped.hash("anything at all".toCharArray());

        assertThat(dummy.substring(0, dummy.indexOf("$", 20))).isEqualTo(real.substring(0, real.indexOf("$", 20)))
                .isEqualTo("$argon2id$v=19$m=19456,t=2,p=1");
        assertThat(dummy.length()).isEqualTo(real.length());
        assertThat(shipped.verify(dummy, "".toCharArray())).isFalse();
        assertThat(shipped.runs()).isEqualTo(2);
    }

    private int throttleRows() {
        return store.db.inTransaction(cfg -> new com.keydesk.store.ThrottleRepository(cfg.dsl()).count());
    }

    private AuthenticationException failure(String username, String password) {
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> auth.signIn(username, password == null ? null : password.toCharArray()));
        assertThat(e).as("sign-in as %s should fail", username).isNotNull();
        return e;
    }

    private static long secondsToWait(AuthenticationException e) {
        Matcher m = WAIT.matcher(e.getMessage());
        assertThat(m.find()).as("a wait in: %s", e.getMessage()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
