package com.keydesk.service;

import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Catching up on others' changes from the audit log: exactly the rows that changed, and no more than one may see. */
class ChangeServiceTest {
    @TempDir
    Path temp;
    private TestStore store;
    private ChangeService changes;
    private Session bob;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        changes = store.services.changes();
        bob = store.addUser("bob");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anAdministratorGetsTheKeysChangedSinceAndTheIdsOfThoseRevoked() {
        long kept = store.siteKey("untouched").key().id();
        long disabled = store.siteKey("to disable").key().id();
        long revoked = store.siteKey("to revoke").key().id();
        long seen = changes.head(store.admin);

        long created = store.siteKey("new").key().id();
        store.services.keys().disable(store.admin, disabled);
        store.services.keys().revoke(store.admin, revoked);

        KeyChanges<KeySummary> since = changes.keysSince(store.admin, seen, null, Function.identity());
        assertThat(since.reloadAll()).isFalse();
        assertThat(since.changed()).extracting(KeySummary::id).containsExactly(created, disabled);
        assertThat(since.changed()).filteredOn(k -> k.id() == disabled).first()
                .extracting(KeySummary::permissionSet).isEqualTo(PermissionSet.NONE);
        assertThat(since.gone()).containsExactly(revoked);
        assertThat(since.changed()).extracting(KeySummary::id).doesNotContain(kept);
        assertThat(since.head()).isEqualTo(changes.head(store.admin));
        assertThat(changes.keysSince(store.admin, since.head(), null, Function.identity()).isEmpty()).isTrue();
    }

    @Test
    void aTableOfOneKindGetsOnlyRowsOfThatKind() {
        long seen = changes.head(store.admin);
        store.siteKey("site");
        long userKey = store.services.keys().create(store.admin,
                NewKey.forUser("bob", "bob's", null, PermissionSet.FULL, null)).key().id();

        KeyChanges<Long> userTable = changes.keysSince(store.admin, seen, KeyType.USER, KeySummary::id);

        assertThat(userTable.changed()).containsExactly(userKey);
        assertThat(userTable.gone()).as("a site key is not gone, only not this table's").isEmpty();
    }

    @Test
    void deactivatingAUserRereadsTheirKeysWhoseStatusFollows() {
        long bobsKey = store.services.keys().create(store.admin,
                NewKey.forUser("bob", "bob's", null, PermissionSet.FULL, null)).key().id();
        long seen = changes.head(store.admin);

        store.services.users().setActive(store.admin, "bob", false);

        KeyChanges<KeySummary> since = changes.keysSince(store.admin, seen, KeyType.USER, Function.identity());
        assertThat(since.changed()).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo(bobsKey);
            assertThat(k.ownerActive()).isFalse();
        });
    }

    @Test
    void aDeniedAttemptIsAuditedButChangesNoRow() {
        long siteKey = store.siteKey("site").key().id();
        long seen = changes.head(store.admin);

        assertThatThrownBy(() -> store.services.keys().revoke(bob, siteKey)).isInstanceOf(PermissionDeniedException.class);

        KeyChanges<KeySummary> since = changes.keysSince(store.admin, seen, null, Function.identity());
        assertThat(since.head()).isGreaterThan(seen);
        assertThat(since.changed()).isEmpty();
        assertThat(since.gone()).isEmpty();
    }

    @Test
    void someoneWhoIsNotAnAdministratorLearnsOnlyThatTheirKeysMayHaveChanged() {
        long seen = changes.head(bob);
        long otherKey = store.siteKey("not bob's").key().id();
        store.services.keys().revoke(store.admin, otherKey);

        KeyChanges<KeySummary> since = changes.keysSince(bob, seen, null, Function.identity());

        assertThat(since.reloadAll()).as("bob reloads his own few keys").isTrue();
        assertThat(since.changed()).isEmpty();
        assertThat(since.gone()).as("which keys of others changed is not bob's business").isEmpty();
    }

    @Test
    void theSiteSettingChangingIsSaid() {
        long seen = changes.head(store.admin);
        store.allowUsersToCreateKeys(true);

        assertThat(changes.keysSince(store.admin, seen, null, Function.identity()).siteChanged()).isTrue();
    }

    @Test
    void moreChangesThanAreWorthPatchingOrAHistoryThatWentBackMeanReadingEverything() {
        ChangeService atMostThree = new ChangeService(new Guard(store.db, new AuditLog(store.db, store.clock)), 3);
        long seen = changes.head(store.admin);
        for (int i = 0; i < 3; i++) {
            store.siteKey("k" + i);
        }
        assertThat(atMostThree.keysSince(store.admin, seen, null, Function.identity()).reloadAll()).isFalse();
        store.siteKey("one more");
        assertThat(atMostThree.keysSince(store.admin, seen, null, Function.identity()).reloadAll()).isTrue();

        long now = changes.head(store.admin);
        assertThat(changes.keysSince(store.admin, now + 10, null, Function.identity()).reloadAll())
                .as("a store restored from an older backup: its history is shorter than what this table saw").isTrue();
    }
}
