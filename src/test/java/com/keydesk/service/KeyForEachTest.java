package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.H2Statements;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link KeyService#forEach} hands over, one at a time, exactly the keys {@link KeyService#list}
 * returns: every field, the same order, and the same rule of who sees what, checked on every call.
 */
class KeyForEachTest {
    @TempDir
    Path temp;
    private TestStore store;
    private KeyService keys;
    private Session bob;

    @BeforeEach
    void keysOfEveryKind() {
        store = TestStore.in(temp);
        keys = store.services.keys();
        bob = store.addUser("bob");
        store.addUser("carol");
        store.allowUsersToCreateKeys(true);
        keys.create(store.admin, NewKey.site("Site, no expiry", "with \"quotes\"", null));
        keys.create(store.admin, NewKey.site("Site, expires", null, store.clock.instant().plus(Duration.ofDays(3))));
        IssuedKey bobs = keys.create(store.admin, NewKey.forUser("bob", "Bob's sync", null, PermissionSet.SYNC_APP, null));
        keys.create(bob, NewKey.forUser("bob", "Bob's own", "made by bob", PermissionSet.FILES_ONLY,
                store.clock.instant().plus(Duration.ofDays(1))));
        IssuedKey carols = keys.create(store.admin, NewKey.forUser("carol", "Carol's", null, null, null));
        keys.disable(store.admin, bobs.key().id()); // remembers sync_app, disabled by an administrator
        store.services.verifier().verify(carols.secret().reveal()); // records a last use
        store.services.users().setAdmin(store.admin, "carol", true); // her key now has full site power
        store.clock.advance(Duration.ofDays(2)); // one key has expired
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void everyKeyIsListedWithOneReadOfTheUsers() {
        H2Statements statements = H2Statements.countFrom(store.db);

        keys.forEach(store.admin, key -> { });

        assertThat(statements.executed()).allSatisfy((sql, times) -> {
            if (sql.contains("from app_user")) {
                assertThat(times).as(sql).isOne();
            }
        });
        assertThat(statements.executed().keySet()).anyMatch(sql -> sql.contains("from app_user"));
    }

    @Test
    void anAdministratorIsHandedEveryKeyAsListReturnsIt() {
        List<ApiKey> listed = keys.list(store.admin);

        assertThat(handedTo(store.admin)).hasSize(5).isEqualTo(listed);
        assertThat(listed).anyMatch(k -> k.previousPermissionSet() == PermissionSet.SYNC_APP && k.disabledByAdmin())
                .anyMatch(k -> k.lastUseAt() != null && k.ownerIsAdmin())
                .anyMatch(k -> k.isExpired(store.clock.instant()));
    }

    @Test
    void anyoneElseIsHandedOnlyTheirOwnKeys() {
        List<ApiKey> handed = handedTo(bob);

        assertThat(handed).isEqualTo(keys.list(bob)).hasSize(2)
                .allMatch(k -> "bob".equals(k.ownerUsername()));
    }

    @Test
    void aDeactivatedUsersSessionIsHandedNothing() {
        store.services.users().setActive(store.admin, "bob", false);

        List<ApiKey> handed = new ArrayList<>();
        assertThatThrownBy(() -> keys.forEach(bob, handed::add)).isInstanceOf(AuthenticationException.class);
        assertThat(handed).isEmpty();
    }

    @Test
    void aDemotedAdministratorIsHandedOnlyTheirOwnFromTheNextCallOn() {
        Session carol = store.services.auth().signIn("carol", "carol password 123".toCharArray());
        assertThat(handedTo(carol)).hasSize(5);

        store.services.users().setAdmin(store.admin, "carol", false);

        assertThat(handedTo(carol)).hasSize(1).allMatch(k -> "carol".equals(k.ownerUsername()));
    }

    private List<ApiKey> handedTo(Session session) {
        List<ApiKey> handed = new ArrayList<>();
        keys.forEach(session, handed::add);
        return handed;
    }
}
