package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each person sees, and rules that hold across calls: every call rechecks who acts. */
class AuthorizationRulesTest {
    @TempDir
    Path temp;
    private TestStore store;
    private KeyService keys;
    private Session bob;
    private ApiKey siteKey;
    private ApiKey bobsKey;
    private ApiKey carolsKey;
    private ApiKey alicesKey;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        keys = store.services.keys();
        bob = store.addUser("bob");
        store.addUser("carol");
        siteKey = store.siteKey("deploy").key();
        bobsKey = keys.create(store.admin, NewKey.forUser("bob", "bob's", null, null, null)).key();
        carolsKey = keys.create(store.admin, NewKey.forUser("carol", "carol's", null, null, null)).key();
        alicesKey = keys.create(store.admin, NewKey.forUser(TestStore.ADMIN, "alice's", null, null, null)).key();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void administratorListsEveryKey() {
        assertThat(keys.list(store.admin)).extracting(ApiKey::id)
                .containsExactlyInAnyOrder(siteKey.id(), bobsKey.id(), carolsKey.id(), alicesKey.id());
    }

    @ParameterizedTest(name = "setting on: {0}")
    @ValueSource(booleans = {false, true})
    void nonAdminListsOnlyOwnKeys(boolean settingOn) {
        store.allowUsersToCreateKeys(settingOn);

        assertThat(keys.list(bob)).extracting(ApiKey::id).containsExactly(bobsKey.id());
    }

    @ParameterizedTest(name = "setting on: {0}")
    @ValueSource(booleans = {false, true})
    void nonAdminCannotSeeSiteKeys(boolean settingOn) {
        store.allowUsersToCreateKeys(settingOn);

        assertThat(keys.list(bob)).noneMatch(k -> k.type() == KeyType.SITE);
        assertThatThrownBy(() -> keys.show(bob, siteKey.id())).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void refusalSaysWhyInASentence() {
        assertThatThrownBy(() -> keys.create(bob, NewKey.site("mine", null, null)))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("administrator")
                .hasMessageEndingWith(".");
    }

    @Test
    void callWithoutASessionIsRefused() {
        assertThatThrownBy(() -> keys.list(null)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> store.services.users().list(null)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void demotedAdministratorLosesPowerOnTheNextCall() {
        store.services.users().setAdmin(store.admin, "bob", true);
        assertThat(keys.list(bob)).hasSize(4);

        store.services.users().setAdmin(store.admin, "bob", false);

        assertThat(keys.list(bob)).extracting(ApiKey::id).containsExactly(bobsKey.id());
        assertThatThrownBy(() -> store.services.users().list(bob)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void deactivatedUsersSessionStopsWorkingAtOnce() {
        store.services.users().setActive(store.admin, "bob", false);

        assertThatThrownBy(() -> keys.list(bob)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> keys.disable(bob, bobsKey.id())).isInstanceOf(AuthenticationException.class);
        assertThat(keys.show(store.admin, bobsKey.id()).permissionSet()).isEqualTo(bobsKey.permissionSet());
    }

    @Test
    void turningTheSettingOffTakesEffectOnTheNextCall() {
        store.allowUsersToCreateKeys(true);
        keys.create(bob, NewKey.forUser("bob", "allowed", null, null, null));

        store.allowUsersToCreateKeys(false);

        assertThatThrownBy(() -> keys.create(bob, NewKey.forUser("bob", "not any more", null, null, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> keys.revoke(bob, bobsKey.id())).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void ownerMayEnableAgainAfterAnAdministratorReEnabledAndTheyDisabled() {
        store.allowUsersToCreateKeys(true);
        keys.disable(store.admin, bobsKey.id());
        keys.enable(store.admin, bobsKey.id(), null);
        keys.disable(bob, bobsKey.id());

        assertThat(keys.enable(bob, bobsKey.id(), null).permissionSet()).isEqualTo(bobsKey.permissionSet());
    }

    @ParameterizedTest(name = "setting on: {0}")
    @ValueSource(booleans = {false, true})
    void nonAdminAskingForAKeyForSomeoneElseLearnsNothingAboutOtherUsers(boolean settingOn) {
        // Rights come first: whether the user exists or is deactivated is not a non-administrator's business.
        store.allowUsersToCreateKeys(settingOn);
        store.services.users().setActive(store.admin, "carol", false);
        StoreSnapshot before = StoreSnapshot.of(store);

        for (String owner : List.of("carol", "nobody-by-this-name", "CAROL")) {
            int auditBefore = StoreSnapshot.audit(store).size();
            assertThatThrownBy(() -> keys.create(bob, NewKey.forUser(owner, "sneaky", null, null, null)))
                    .as("key for %s", owner)
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessage("You may create keys only for yourself.");
            List<AuditEntry> audit = StoreSnapshot.audit(store);
            assertThat(audit).hasSize(auditBefore + 1);
            assertThat(audit.getLast().outcome()).isEqualTo(AuditEntry.OUTCOME_DENIED);
        }
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void nonAdminMayNameThemselvesInAnyCase() {
        store.allowUsersToCreateKeys(true);

        ApiKey key = keys.create(bob, NewKey.forUser(" BOB ", "mine", null, null, null)).key();

        assertThat(key.ownerUsername()).isEqualTo("bob");
    }
}
