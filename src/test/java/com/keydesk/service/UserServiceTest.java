package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users: names, the last administrator, promotion's preview, deactivation and passwords. */
class UserServiceTest {
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;
    private TestStore store;
    private UserService users;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        users = store.services.users();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void addedUserCanSignIn() {
        User bob = users.add(store.admin, "bob", "Bob Builder", false, PASSWORD.toCharArray());

        assertThat(bob.username()).isEqualTo("bob");
        assertThat(bob.displayName()).isEqualTo("Bob Builder");
        assertThat(bob.admin()).isFalse();
        assertThat(bob.active()).isTrue();
        assertThat(store.services.auth().signIn("bob", PASSWORD.toCharArray()).userId()).isEqualTo(bob.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bob", "BOB", " bob "})
    void usernamesAreUniqueRegardlessOfCase(String again) {
        users.add(store.admin, "bob", null, false, PASSWORD.toCharArray());
        StoreSnapshot before = StoreSnapshot.of(store);

        assertThatThrownBy(() -> users.add(store.admin, again, null, false, PASSWORD.toCharArray()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "ünïcode", "tab\tname"})
    void usernameMustBeEasyToTypeInScripts(String username) {
        assertThatThrownBy(() -> users.add(store.admin, username, null, false, PASSWORD.toCharArray()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void tooShortPasswordIsRefused() {
        assertThatThrownBy(() -> users.add(store.admin, "bob", null, false, "short".toCharArray()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("12");
        assertThatThrownBy(() -> users.add(store.admin, "bob", null, false, " ".repeat(20).toCharArray()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void passwordGivenToAddIsWiped() {
        char[] password = PASSWORD.toCharArray();

        users.add(store.admin, "bob", null, false, password);

        assertThat(password).containsOnly('\0');
    }

    @Test
    void lastActiveAdministratorCannotBeDemotedOrDeactivated() {
        StoreSnapshot before = StoreSnapshot.of(store);

        assertThatThrownBy(() -> users.setAdmin(store.admin, TestStore.ADMIN, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active administrator");
        assertThatThrownBy(() -> users.setActive(store.admin, TestStore.ADMIN, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active administrator");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void anotherAdministratorMayDemoteYouButYouCannotDemoteOrDeactivateYourself() {
        users.add(store.admin, "root2", null, true, PASSWORD.toCharArray());
        Session root2 = store.services.auth().signIn("root2", PASSWORD.toCharArray());

        assertThatThrownBy(() -> users.setAdmin(store.admin, TestStore.ADMIN, false))
                .isInstanceOf(ConflictException.class).hasMessage("You cannot remove your own administrator role; another administrator can.");
        assertThatThrownBy(() -> users.setActive(store.admin, TestStore.ADMIN, false))
                .isInstanceOf(ConflictException.class).hasMessage("You cannot deactivate your own account; another administrator can.");
        assertThat(users.setAdmin(root2, TestStore.ADMIN, false).admin()).isFalse();
    }

    @Test
    void aDeactivatedAdministratorDoesNotCountAsTheOneRemaining() {
        users.add(store.admin, "root2", null, true, PASSWORD.toCharArray());
        users.setActive(store.admin, "root2", false);

        assertThatThrownBy(() -> users.setAdmin(store.admin, TestStore.ADMIN, false)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> users.setActive(store.admin, TestStore.ADMIN, false)).isInstanceOf(ConflictException.class);
    }

    @Test
    void promotionPreviewListsTheKeysThatWouldGainFullPower() {
        users.add(store.admin, "bob", null, false, PASSWORD.toCharArray());
        ApiKey first = store.services.keys().create(store.admin, NewKey.forUser("bob", "one", null, null, null)).key();
        ApiKey second = store.services.keys().create(store.admin, NewKey.forUser("bob", "two", null, null, null)).key();
        store.siteKey("not bob's");

        assertThat(users.keysGainingFullPower(store.admin, "bob")).extracting(ApiKey::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(users.keysGainingFullPower(store.admin, TestStore.ADMIN)).isEmpty();
    }

    @Test
    void promotedUsersKeysCarryFullPower() {
        users.add(store.admin, "bob", null, false, PASSWORD.toCharArray());
        IssuedKey key = store.services.keys().create(store.admin, NewKey.forUser("bob", "one", null, null, null));
        assertThat(store.services.verifier().verify(key.secret().reveal()).hasFullSitePower()).isFalse();

        users.setAdmin(store.admin, "bob", true);

        assertThat(store.services.verifier().verify(key.secret().reveal()).hasFullSitePower()).isTrue();
        assertThat(StoreSnapshot.lastAudit(store).detail()).contains("1 key gains full site power");
    }

    @Test
    void theAuditDetailOfActivationCountsKeysInPlainEnglish() {
        users.add(store.admin, "bob", null, false, PASSWORD.toCharArray());
        users.setActive(store.admin, "bob", false);
        assertThat(StoreSnapshot.lastAudit(store).detail()).isEqualTo("no keys stop working");
        users.setActive(store.admin, "bob", true);
        assertThat(StoreSnapshot.lastAudit(store).detail()).isEqualTo("no keys work again");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "one", null, null, null));
        users.setActive(store.admin, "bob", false);
        assertThat(StoreSnapshot.lastAudit(store).detail()).isEqualTo("1 key stops working");
        users.setActive(store.admin, "bob", true);
        assertThat(StoreSnapshot.lastAudit(store).detail()).isEqualTo("1 key works again");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "two", null, null, null));
        users.setActive(store.admin, "bob", false);
        assertThat(StoreSnapshot.lastAudit(store).detail()).isEqualTo("2 keys stop working");
    }

    @Test
    void deactivationBlocksSignInAndKeysUntilReactivated() {
        users.add(store.admin, "bob", null, false, PASSWORD.toCharArray());
        IssuedKey key = store.services.keys().create(store.admin, NewKey.forUser("bob", "one", null, null, null));

        users.setActive(store.admin, "bob", false);

        assertThatThrownBy(() -> store.services.auth().signIn("bob", PASSWORD.toCharArray()))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> store.services.verifier().verify(key.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class);

        users.setActive(store.admin, "bob", true);

        assertThat(store.services.auth().signIn("bob", PASSWORD.toCharArray()).username()).isEqualTo("bob");
        assertThat(store.services.verifier().verify(key.secret().reveal()).id()).isEqualTo(key.key().id());
    }

    @Test
    void changingToTheCurrentStateIsAConflict() {
        users.add(store.admin, "bob", null, false, PASSWORD.toCharArray());

        assertThatThrownBy(() -> users.setAdmin(store.admin, "bob", false)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> users.setActive(store.admin, "bob", true)).isInstanceOf(ConflictException.class);
    }

    @Test
    void unknownUserIsNamed() {
        assertThatThrownBy(() -> users.setActive(store.admin, "nobody", false))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nobody");
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOne() {
        Session bob = store.addUser("bob");
        int auditBefore = StoreSnapshot.audit(store).size();

        assertThatThrownBy(() -> users.changeOwnPassword(bob, "not the current one".toCharArray(),
                "a brand new password".toCharArray())).isInstanceOf(AuthenticationException.class);

        // the failed attempt is recorded (so guessing shows up), and nothing else changed
        assertThat(StoreSnapshot.audit(store)).hasSize(auditBefore + 1);
        assertThat(store.services.auth().signIn("bob", "bob password 123".toCharArray()).username()).isEqualTo("bob");
        assertThatThrownBy(() -> store.services.auth().signIn("bob", "a brand new password".toCharArray()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void changedPasswordReplacesTheOldOne() {
        Session bob = store.addUser("bob");

        users.changeOwnPassword(bob, "bob password 123".toCharArray(), "a brand new password".toCharArray());

        assertThat(StoreSnapshot.lastAudit(store).action()).isEqualTo("user.password_changed");
        assertThat(store.services.auth().signIn("bob", "a brand new password".toCharArray()).username()).isEqualTo("bob");
        assertThatThrownBy(() -> store.services.auth().signIn("bob", "bob password 123".toCharArray()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void newPasswordFollowsTheSameRules() {
        Session bob = store.addUser("bob");

        assertThatThrownBy(() -> users.changeOwnPassword(bob, "bob password 123".toCharArray(), "short".toCharArray()))
                .isInstanceOf(ValidationException.class);
        assertThat(store.services.auth().signIn("bob", "bob password 123".toCharArray()).username()).isEqualTo("bob");
    }

    @Test
    void passwordsGivenToChangeAreWiped() {
        Session bob = store.addUser("bob");
        char[] current = "bob password 123".toCharArray();
        char[] replacement = "a brand new password".toCharArray();

        users.changeOwnPassword(bob, current, replacement);

        assertThat(current).containsOnly('\0');
        assertThat(replacement).containsOnly('\0');
    }

    @Test
    void userListShowsEachUsersKeyCount() {
        users.add(store.admin, "bob", null, false, PASSWORD.toCharArray());
        store.services.keys().create(store.admin, NewKey.forUser("bob", "one", null, null, null));
        store.siteKey("site");

        assertThat(users.list(store.admin)).extracting(User::username, User::keyCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TestStore.ADMIN, 0),
                        org.assertj.core.groups.Tuple.tuple("bob", 1));
    }
}
