package com.keydesk.service;

import com.keydesk.domain.Allowed;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyActionsAllowed;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.UserActionsAllowed;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a front end is told it may do, and what the service then does, agree: for a matrix of
 * actors and key or user states, each action is asked first and then tried, and a refusal
 * carries the very sentence the attempt gets.
 */
class AllowedActionsTest {
    @TempDir
    Path temp;

    enum KeyActor { ADMIN, USER_SETTING_OFF, USER_SETTING_ON }

    enum KeyAction { DISABLE, ENABLE, REVOKE, REPLACE }

    static Stream<Arguments> keyCases() {
        return Stream.of(KeyActor.values()).flatMap(a -> Stream.of(KeyAction.values()).map(x -> Arguments.of(a, x)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keyCases")
    void theKeyQueryAndTheKeyActionAgree(KeyActor who, KeyAction action) {
        try (TestStore store = TestStore.in(temp)) {
            Session bob = store.addUser("bob");
            store.addUser("carol");
            store.allowUsersToCreateKeys(true);
            KeyService keys = store.services.keys();
            Map<String, Long> states = new LinkedHashMap<>();
            states.put("bob's working key", userKey(store, "bob", "working", null));
            long selfDisabled = userKey(store, "bob", "self disabled", null);
            keys.disable(bob, selfDisabled);
            states.put("bob's key he disabled", selfDisabled);
            long adminDisabled = userKey(store, "bob", "admin disabled", null);
            keys.disable(store.admin, adminDisabled);
            states.put("bob's key an administrator disabled", adminDisabled);
            long expiring = userKey(store, "bob", "expiring", store.clock.instant().plus(Duration.ofHours(1)));
            long expiringDisabled = userKey(store, "bob", "expiring disabled", store.clock.instant().plus(Duration.ofHours(1)));
            keys.disable(bob, expiringDisabled);
            states.put("bob's expired key", expiring);
            states.put("bob's expired disabled key", expiringDisabled);
            states.put("carol's key", userKey(store, "carol", "carol's", null));
            states.put("a site key", store.siteKey("site").key().id());
            long siteDisabled = store.siteKey("site disabled").key().id();
            keys.disable(store.admin, siteDisabled);
            states.put("a disabled site key", siteDisabled);
            long deactivatedOwners = userKey(store, "carol", "of a deactivated owner", null);
            states.put("no key at all", 9_999L);
            store.clock.advance(Duration.ofHours(2));
            store.allowUsersToCreateKeys(who != KeyActor.USER_SETTING_OFF);
            Session actor = who == KeyActor.ADMIN ? store.admin : bob;
            if (who == KeyActor.ADMIN) {
                store.services.users().setActive(store.admin, "carol", false);
                states.put("a key whose owner is deactivated", deactivatedOwners);
            }

            List<KeyActionsAllowed> answers = keys.allowedActions(actor, List.copyOf(states.values()));
            List<String> disagreements = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Long> state : states.entrySet()) {
                KeyActionsAllowed answer = answers.get(i++);
                assertThat(answer.keyId()).isEqualTo(state.getValue());
                Allowed asked = switch (action) {
                    case DISABLE -> answer.disable();
                    case ENABLE -> answer.enable();
                    case REVOKE -> answer.revoke();
                    case REPLACE -> answer.replace();
                };
                String done = attempt(() -> {
                    switch (action) {
                        case DISABLE -> keys.disable(actor, state.getValue());
                        case ENABLE -> keys.enable(actor, state.getValue(), null);
                        case REVOKE -> keys.revoke(actor, state.getValue());
                        case REPLACE -> keys.replace(actor, state.getValue());
                    }
                });
                if (!agree(asked, done)) {
                    disagreements.add(state.getKey() + ": asked " + asked + ", done " + done);
                }
            }
            assertThat(disagreements).isEmpty();
        }
    }

    @ParameterizedTest(name = "setting on: {0}")
    @MethodSource("bools")
    void mayCreateKeysAgreesWithCreatingOne(boolean settingOn) {
        try (TestStore store = TestStore.in(temp)) {
            Session bob = store.addUser("bob");
            store.allowUsersToCreateKeys(settingOn);
            for (Session actor : List.of(store.admin, bob)) {
                for (KeyType type : KeyType.values()) {
                    Allowed asked = store.services.keys().mayCreateKeys(actor, type);
                    String done = attempt(() -> store.services.keys().create(actor, type == KeyType.SITE
                            ? NewKey.site("made", null, null)
                            : NewKey.forUser(actor.username(), "made", null, PermissionSet.FILES_ONLY, null)));
                    assertThat(agree(asked, done)).as(actor.username() + " " + type + ": asked " + asked + ", done " + done)
                            .isTrue();
                }
            }
        }
    }

    static Stream<Boolean> bools() {
        return Stream.of(false, true);
    }

    enum UserAction { ROLE, ACTIVATION, RESET_PASSWORD, RENAME }

    /** alice (the test store's administrator) or bob asks about each user, in a store with or without a second administrator. */
    static Stream<Arguments> userCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String actor : List.of(TestStore.ADMIN, "bob")) {
            for (String target : List.of(TestStore.ADMIN, "root2", "bob", "carol", "dave")) {
                for (UserAction action : UserAction.values()) {
                    cases.add(Arguments.of(actor, target, action, true));
                }
            }
        }
        for (UserAction action : UserAction.values()) {
            cases.add(Arguments.of(TestStore.ADMIN, TestStore.ADMIN, action, false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2} {1} (second admin: {3})")
    @MethodSource("userCases")
    void theUserQueryAndTheUserActionAgree(String actorName, String target, UserAction action, boolean secondAdmin) {
        try (TestStore store = TestStore.in(temp)) {
            UserService users = store.services.users();
            Session bob = store.addUser("bob");
            store.addUser("carol");
            users.setActive(store.admin, "carol", false);
            users.add(store.admin, "dave", null, true, "dave password 123".toCharArray());
            users.setActive(store.admin, "dave", false);
            if (secondAdmin) {
                users.add(store.admin, "root2", null, true, "root2 password 123".toCharArray());
            }
            Session actor = actorName.equals("bob") ? bob : store.admin;
            if (!secondAdmin || !target.equals("root2")) {
                Function<UserActionsAllowed, Allowed> pick = switch (action) {
                    case ROLE -> UserActionsAllowed::role;
                    case ACTIVATION -> UserActionsAllowed::activation;
                    case RESET_PASSWORD -> UserActionsAllowed::resetPassword;
                    case RENAME -> UserActionsAllowed::rename;
                };
                Allowed asked = pick.apply(users.allowedActions(actor, target));
                String done = attempt(() -> {
                    var before = users.list(store.admin).stream().filter(u -> u.username().equals(target)).findFirst().orElseThrow();
                    switch (action) {
                        case ROLE -> users.setAdmin(actor, target, !before.admin());
                        case ACTIVATION -> users.setActive(actor, target, !before.active());
                        case RESET_PASSWORD -> users.resetPassword(actor, target, "a temporary password".toCharArray());
                        case RENAME -> users.rename(actor, target, "Someone Else");
                    }
                });
                assertThat(agree(asked, done)).as("asked " + asked + ", done " + done).isTrue();
            }
        }
    }

    private static long userKey(TestStore store, String owner, String name, java.time.Instant expires) {
        ApiKey key = store.services.keys().create(store.admin,
                NewKey.forUser(owner, name, null, PermissionSet.FILES_ONLY, expires)).key();
        return key.id();
    }

    /** null when the action went through, else the sentence it was refused with. */
    private static String attempt(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException refused) {
            return refused.getMessage();
        }
    }

    private static boolean agree(Allowed asked, String refusal) {
        return asked.allowed() ? refusal == null : asked.reason().equals(refusal);
    }
}
