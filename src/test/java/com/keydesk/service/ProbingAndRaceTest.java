package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.User;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Holes found in review: probing key ids, guessing the current password, two demotions at once. */
class ProbingAndRaceTest {
    @TempDir
    Path temp;

    @Test
    void aNonAdministratorCannotTellAMissingKeyFromSomeoneElses() {
        try (TestStore store = TestStore.in(temp)) {
            long siteKey = store.siteKey("Someone else's").key().id();
            Session bob = store.addUser("bob");
            assertThatThrownBy(() -> store.services.keys().show(bob, siteKey))
                    .isInstanceOf(PermissionDeniedException.class).hasMessage("Key " + siteKey + " is not one of your keys.");
            assertThatThrownBy(() -> store.services.keys().show(bob, 999))
                    .isInstanceOf(PermissionDeniedException.class).hasMessage("Key 999 is not one of your keys.");
            assertThatThrownBy(() -> store.services.keys().revoke(bob, 998)).isInstanceOf(PermissionDeniedException.class);
            assertThat(store.services.audit().entries(store.admin)).filteredOn(e -> e.target().equals("api_key:999"))
                    .extracting(AuditEntry::outcome).containsExactly(AuditEntry.OUTCOME_DENIED);
            assertThatThrownBy(() -> store.services.keys().show(store.admin, 999)).isInstanceOf(NotFoundException.class);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aNonAdministratorGetsOneAnswerForASiteKeyAndAMissingKeyInEveryAction(boolean usersMayManageKeys) {
        try (TestStore store = TestStore.in(temp)) {
            long siteKey = store.siteKey("Backup job").key().id();
            long disabledSiteKey = store.siteKey("Old job").key().id();
            store.services.keys().disable(store.admin, disabledSiteKey);
            long missing = disabledSiteKey + 100;
            store.allowUsersToCreateKeys(usersMayManageKeys);
            Session bob = store.addUser("bob");
            KeyService keys = store.services.keys();
            java.util.Map<String, java.util.function.LongConsumer> actions = new java.util.LinkedHashMap<>();
            actions.put("show", id -> keys.show(bob, id));
            actions.put("disable", id -> keys.disable(bob, id));
            actions.put("enable", id -> keys.enable(bob, id == siteKey ? disabledSiteKey : id, null));
            actions.put("revoke", id -> keys.revoke(bob, id));
            actions.put("replace", id -> keys.replace(bob, id));
            actions.put("update", id -> keys.update(bob, id, new com.keydesk.domain.KeyEdit("Renamed", null, null, false)));

            actions.forEach((name, action) -> {
                long asked = name.equals("enable") ? disabledSiteKey : siteKey;
                Throwable forSiteKey = org.assertj.core.api.Assertions.catchThrowable(() -> action.accept(siteKey));
                Throwable forMissing = org.assertj.core.api.Assertions.catchThrowable(() -> action.accept(missing));
                assertThat(forSiteKey).as(name).isInstanceOf(PermissionDeniedException.class)
                        .hasMessage("Key " + asked + " is not one of your keys.");
                assertThat(forMissing).as(name).isInstanceOf(PermissionDeniedException.class)
                        .hasMessage("Key " + missing + " is not one of your keys.");
            });
            assertThat(keys.show(store.admin, siteKey).name()).isEqualTo("Backup job");
        }
    }

    @Test
    void aWrongCurrentPasswordIsAuditedAndChangesNothing() {
        try (TestStore store = TestStore.in(temp)) {
            Session bob = store.addUser("bob");
            assertThatThrownBy(() -> store.services.users().changeOwnPassword(bob, "guess guess guess".toCharArray(),
                    "a brand new password".toCharArray())).isInstanceOf(AuthenticationException.class);
            assertThat(store.services.audit().entries(store.admin)).last()
                    .satisfies(e -> {
                        assertThat(e.action()).isEqualTo("user.password_changed");
                        assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_FAILED);
                        assertThat(e.actor()).isEqualTo("bob");
                    });
            assertThat(store.services.auth().signIn("bob", "bob password 123".toCharArray()).username()).isEqualTo("bob");
        }
    }

    @RepeatedTest(5)
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
        try (TestStore store = TestStore.in(temp)) {
            store.services.users().add(store.admin, "carol", null, true, "carol password 123".toCharArray());
            Session carol = store.services.auth().signIn("carol", "carol password 123".toCharArray());
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> demote(store, together, carol, TestStore.ADMIN));
                Future<?> b = pool.submit(() -> demote(store, together, store.admin, "carol"));
                a.get();
                b.get();
            } finally {
                pool.shutdownNow();
            }
            List<User> users = remainingView(store, carol);
            assertThat(users).filteredOn(u -> u.admin() && u.active()).hasSize(1);
        }
    }

    /** The user list as seen by whichever of the two is still an administrator. */
    private static List<User> remainingView(TestStore store, Session carol) {
        try {
            return store.services.users().list(store.admin);
        } catch (PermissionDeniedException aliceWasDemoted) {
            return store.services.users().list(carol);
        }
    }

    private static Void demote(TestStore store, CyclicBarrier together, Session actor, String target) throws Exception {
        together.await();
        try {
            store.services.users().setAdmin(actor, target, false);
        } catch (ConflictException | PermissionDeniedException refused) {
            // the loser of the race is refused: either the last administrator, or no longer an administrator
        }
        return null;
    }
}
