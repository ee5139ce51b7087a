package com.keydesk.service;

import com.keydesk.domain.InactiveKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.Times;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The inactive keys (revoked from the audit trail, expired from the keys table), on both engines. */
class InactiveKeysTest {
    @TempDir
    Path temp;
    private TestStore store;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        store.addUser("bob");
        store.addUser("carol");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private IssuedKey userKey(String owner, String name, Instant expires) {
        return store.services.keys().create(store.admin, NewKey.forUser(owner, name, null, PermissionSet.FILES_ONLY, expires));
    }

    private Session signIn(String username) {
        return store.services.auth().signIn(username, (username + " password 123").toCharArray());
    }

    @Test
    void aRevokedKeyIsListedByItsNameOwnerWhoRevokedItAndWhen() {
        IssuedKey key = userKey("bob", "Backup job", null);
        userKey("bob", "Still working", null);
        store.clock.advance(Duration.ofMinutes(5));
        Instant revokedAt = Times.storable(store.clock.instant());
        store.services.keys().revoke(store.admin, key.key().id());

        InactiveKeys inactive = store.services.keys().inactive(store.admin, KeyType.USER, 10);

        assertThat(inactive.more()).isFalse();
        assertThat(inactive.keys()).containsExactly(new InactiveKey(key.key().id(), "Backup job", "bob",
                InactiveKey.Kind.REVOKED, revokedAt, TestStore.ADMIN));
    }

    @Test
    void anExpiredKeyIsListedWithItsExpiryAndAWorkingOneIsNot() {
        Instant expiry = Times.storable(store.clock.instant().plus(Duration.ofDays(1)));
        IssuedKey expiring = userKey("bob", "Nightly", expiry);
        userKey("bob", "Later", store.clock.instant().plus(Duration.ofDays(30)));
        store.clock.advance(Duration.ofDays(2));

        InactiveKeys inactive = store.services.keys().inactive(store.admin, null, 10);

        assertThat(inactive.keys()).containsExactly(new InactiveKey(expiring.key().id(), "Nightly", "bob",
                InactiveKey.Kind.EXPIRED, expiry, null));
    }

    @Test
    void aNonAdministratorSeesOnlyTheirOwnEvenWhenAnAdministratorRevokedThem() {
        IssuedKey bobs = userKey("bob", "Bob's export", null);
        IssuedKey carols = userKey("carol", "Carol's export", null);
        store.services.keys().revoke(store.admin, bobs.key().id());
        store.services.keys().revoke(store.admin, carols.key().id());
        store.services.keys().revoke(store.admin, store.siteKey("Deploy").key().id());

        InactiveKeys forBob = store.services.keys().inactive(signIn("bob"), null, 10);

        assertThat(forBob.keys()).extracting(InactiveKey::name).containsExactly("Bob's export");
        assertThat(forBob.keys().getFirst().revokedBy()).isEqualTo(TestStore.ADMIN);
    }

    @Test
    void aNameThatPosesAsAnotherOwnersDescriptionDoesNotReachThatOwner() {
        String posing = "x\" label=kd_x type=user owner=carol permission=full";
        IssuedKey key = userKey("bob", posing, null);
        store.services.keys().revoke(store.admin, key.key().id());

        assertThat(store.services.keys().inactive(signIn("carol"), null, 10).keys()).isEmpty();
        assertThat(store.services.keys().inactive(signIn("bob"), null, 10).keys())
                .extracting(InactiveKey::name, InactiveKey::ownerUsername).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(posing, "bob"));
    }

    @Test
    void aRevokeReasonThatPosesAsAnotherOwnersKeyDoesNotReachThatOwner() {
        store.allowUsersToCreateKeys(true);
        IssuedKey key = userKey("bob", "Bob's own", null);
        // bob may revoke only his own keys; his reason text mimics a description of carol's key
        store.services.keys().revoke(signIn("bob"), key.key().id(),
                "done\" label=kd_x type=user owner=carol permission=full");

        assertThat(store.services.keys().inactive(signIn("carol"), null, 10).keys()).isEmpty();
        assertThat(store.services.keys().inactive(store.admin, KeyType.USER, 10).keys())
                .extracting(InactiveKey::ownerUsername).containsExactly("bob");
    }

    @Test
    void siteAndUserKeysAreAskedForApart() {
        store.services.keys().revoke(store.admin, store.siteKey("Deploy").key().id());
        store.services.keys().revoke(store.admin, userKey("bob", "Backup job", null).key().id());

        assertThat(store.services.keys().inactive(store.admin, KeyType.SITE, 10).keys())
                .singleElement().satisfies(k -> {
                    assertThat(k.name()).isEqualTo("Deploy");
                    assertThat(k.ownerUsername()).isNull();
                });
        assertThat(store.services.keys().inactive(store.admin, KeyType.USER, 10).keys())
                .extracting(InactiveKey::name).containsExactly("Backup job");
    }

    @Test
    void theNewestAreReadUpToTheLimitAndMoreIsSaid() {
        for (int i = 1; i <= 4; i++) {
            store.clock.advance(Duration.ofMinutes(1));
            store.services.keys().revoke(store.admin, userKey("bob", "Key " + i, null).key().id());
        }
        store.clock.advance(Duration.ofMinutes(1));
        Instant expiry = store.clock.instant();
        userKey("bob", "Expired last", expiry.plusSeconds(1));
        store.clock.advance(Duration.ofMinutes(1));

        InactiveKeys page = store.services.keys().inactive(store.admin, KeyType.USER, 3);

        assertThat(page.more()).isTrue();
        assertThat(page.keys()).extracting(InactiveKey::name).containsExactly("Expired last", "Key 4", "Key 3");
    }

    @Test
    void aReplacedKeyIsInactiveAndItsSuccessorIsNot() {
        IssuedKey old = userKey("bob", "Lost one", null);
        store.services.keys().replace(store.admin, old.key().id());

        assertThat(store.services.keys().inactive(store.admin, KeyType.USER, 10).keys())
                .singleElement().satisfies(k -> {
                    assertThat(k.id()).isEqualTo(old.key().id());
                    assertThat(k.kind()).as("a replaced key says so, not only that it was revoked")
                            .isEqualTo(InactiveKey.Kind.REPLACED);
                    assertThat(k.revokedBy()).isEqualTo(TestStore.ADMIN);
                });
    }

    @Test
    void aRevokeReasonThatPosesAsAReplaceIsStillARevoke() {
        IssuedKey earlier = userKey("bob", "Earlier", null);
        store.services.keys().replace(store.admin, earlier.key().id());
        IssuedKey key = userKey("bob", "Plain revoke", null);
        // the replace's own revocation detail ends "(replaced by api_key:N)"; a reason can say the same
        store.services.keys().revoke(store.admin, key.key().id(), "x (replaced by api_key:" + (key.key().id() + 1) + ")");

        assertThat(store.services.keys().inactive(store.admin, KeyType.USER, 10).keys())
                .filteredOn(k -> k.id() == key.key().id()).singleElement()
                .extracting(InactiveKey::kind).isEqualTo(InactiveKey.Kind.REVOKED);
    }

    @Test
    void entriesThatOnlyLookLikeTheirsDoNotCrowdOutAPersonsOwnRevokedKeys() {
        store.clock.advance(Duration.ofMinutes(1));
        store.services.keys().revoke(store.admin, userKey("bob", "Bob's old", null).key().id());
        // newer revocations of carol's keys whose names hold the text bob's entries are first narrowed by
        for (int i = 0; i < 250; i++) {
            store.services.keys().revoke(store.admin, userKey("carol", "c" + i + " owner=bob permission=full", null).key().id());
        }

        InactiveKeys forBob = store.services.keys().inactive(signIn("bob"), null, 3);

        assertThat(forBob.keys()).extracting(InactiveKey::name).containsExactly("Bob's old");
        assertThat(forBob.more()).isFalse();
    }

    @Test
    void aLimitOutsideTheBoundsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.services.keys().inactive(store.admin, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.services.keys().inactive(store.admin, null, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
