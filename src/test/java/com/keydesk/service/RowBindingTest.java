package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.TamperedException;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows that grant access, edited or inserted with an SQL client instead of through KeyDesk: each
 * edit is found by audit verify, named, and not honoured by verification, sign-in or the rules.
 */
class RowBindingTest {
    @TempDir
    Path temp;
    TestStore store;
    KeyVerifier verifier;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        verifier = store.services.verifier();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aStoreUsedOnlyThroughKeyDeskVerifiesWithEveryRowBound() {
        store.addUser("bob");
        IssuedKey key = store.services.keys().create(store.admin, NewKey.forUser("bob", "k", null, PermissionSet.FULL, null));
        store.services.keys().disable(store.admin, key.key().id());
        store.services.keys().enable(store.admin, key.key().id(), null);
        store.services.keys().replace(store.admin, store.siteKey("s").key().id());
        store.allowUsersToCreateKeys(true);

        AuditVerification result = store.services.audit().verify(store.admin);
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(verifier.verify(key.secret().reveal()).id()).isEqualTo(key.key().id());
    }

    /** Each column of a key row that decides what the key may do, edited by hand: refused and named. */
    @ParameterizedTest(name = "api_key.{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "lookup_id               | 'AAAAAAAAAAAA'",
            "secret_hash             | REPLACE(secret_hash, '$argon2id', '$argon2i')",
            "user_id                 | (SELECT MIN(id) FROM app_user)",
            "permission_set          | 'files_only'",
            "previous_permission_set | 'full'",
            "disabled_by_admin       | TRUE",
            "expires_at              | TIMESTAMP '2099-01-01 00:00:00'",
            "created_by              | NULL"})
    void everyColumnOfAKeyEditedByHandIsNamedAndTheKeyRefused(String column, String value) {
        store.addUser("bob");
        IssuedKey key = bobKey();

        tamper("UPDATE api_key SET " + column + " = " + value + " WHERE id = " + key.key().id());

        assertThatThrownBy(() -> verifier.verify(key.secret().reveal())).isInstanceOf(KeyRejectedException.class);
        assertVerifyNames("Key " + key.key().id() + " was changed outside KeyDesk");
    }

    /** Each column of a user row that decides who they are and what they may do, edited by hand. */
    @ParameterizedTest(name = "app_user.{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "username      | 'bobby'",
            "username_key  | 'bobby'",
            "is_admin      | TRUE",
            "password_hash | (SELECT password_hash FROM app_user WHERE username = 'alice')",
            "created_at    | TIMESTAMP '2000-01-01 00:00:00'"})
    void everyColumnOfAUserEditedByHandIsNamedAndTheAccountRefused(String column, String value) {
        store.addUser("bob");
        long bob = store.services.users().list(store.admin).stream().filter(u -> u.username().equals("bob"))
                .findFirst().orElseThrow().id();

        tamper("UPDATE app_user SET " + column + " = " + value + " WHERE id = " + bob);

        String name = column.startsWith("username") ? "bobby" : "bob";
        String password = column.equals("password_hash") ? TestStore.ADMIN_PASSWORD : "bob password 123";
        assertThatThrownBy(() -> store.services.auth().signIn(name, password.toCharArray()))
                .isInstanceOf(com.keydesk.domain.KeyDeskException.class);
        assertVerifyNames("User " + bob + " was changed outside KeyDesk");
    }

    @Test
    void aDisabledKeySwitchedBackOnByHandDoesNotAuthenticate() {
        IssuedKey key = store.siteKey("ci");
        store.services.keys().disable(store.admin, key.key().id());

        tamper("UPDATE api_key SET permission_set = 'full' WHERE id = " + key.key().id());

        assertRejectedAsTampered(key);
        assertVerifyNames("Key " + key.key().id() + " was changed outside KeyDesk");
    }

    @Test
    void anExpiryRemovedByHandDoesNotRevive() {
        IssuedKey key = store.services.keys().create(store.admin,
                NewKey.site("short", null, store.clock.instant().plus(Duration.ofDays(1))));
        store.clock.advance(Duration.ofDays(2));

        tamper("UPDATE api_key SET expires_at = NULL WHERE id = " + key.key().id());

        assertRejectedAsTampered(key);
        assertVerifyNames("Key " + key.key().id());
    }

    @Test
    void aKeyMovedToAnotherOwnerByHandDoesNotAuthenticate() {
        Session bob = store.addUser("bob");
        store.addUser("carol");
        IssuedKey key = store.services.keys().create(store.admin, NewKey.forUser("bob", "k", null, PermissionSet.FULL, null));
        long carol = store.services.users().list(store.admin).stream().filter(u -> u.username().equals("carol"))
                .findFirst().orElseThrow().id();

        tamper("UPDATE api_key SET user_id = " + carol + " WHERE id = " + key.key().id());

        assertRejectedAsTampered(key);
        assertVerifyNames("Key " + key.key().id());
        assertThat(bob).isNotNull();
    }

    @Test
    void aKeyRowInsertedByHandWithAChosenSecretIsNotASiteKey() {
        IssuedKey real = store.siteKey("template");
        KeyFormat format = new KeyFormat(new SecureRandom());
        var forged = format.generate(KeyType.SITE);
        String hash = new Argon2idHasher(TestStore.CHEAP).hash(forged.secretPart().toCharArray());

        tamper("INSERT INTO api_key (lookup_id, secret_hash, name, permission_set, descriptive_label, created_at)"
                + " VALUES ('" + forged.lookupId() + "', '" + hash + "', 'backdoor', 'full', '"
                + forged.label() + "', CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> verifier.verify(forged.text()))
                .isInstanceOf(KeyRejectedException.class)
                .hasMessageContaining("added outside KeyDesk");
        assertVerifyNames("was added outside KeyDesk");
        assertThat(verifier.verify(real.secret().reveal()).id()).isEqualTo(real.key().id());
    }

    @Test
    void aRevokedKeyPutBackByHandStaysRevoked() {
        IssuedKey key = store.siteKey("gone");
        long id = key.key().id();
        String row = "(SELECT * FROM api_key WHERE id = " + id + ")";
        tamper("CREATE TABLE saved AS " + row);
        store.services.keys().revoke(store.admin, id);

        tamper("INSERT INTO api_key SELECT * FROM saved");
        tamper("DROP TABLE saved");

        assertThatThrownBy(() -> verifier.verify(key.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class)
                .hasMessageContaining("deleted by KeyDesk and has been put back");
        assertVerifyNames("Key " + id + " was deleted by KeyDesk and has been put back outside it");
    }

    @Test
    void aKeyDeletedByHandIsNamed() {
        IssuedKey key = store.siteKey("quiet");

        tamper("DELETE FROM api_key WHERE id = " + key.key().id());

        assertVerifyNames("Key " + key.key().id() + " was deleted outside KeyDesk");
    }

    @Test
    void aUserPromotedByHandIsNotAnAdministrator() {
        Session bob = store.addUser("bob");
        IssuedKey bobsKey = bobKey();

        tamper("UPDATE app_user SET is_admin = TRUE WHERE username = 'bob'");

        assertThatThrownBy(() -> store.services.keys().create(bob, NewKey.site("mine now", null, null)))
                .isInstanceOf(TamperedException.class).hasMessageContaining("changed outside KeyDesk");
        assertThatThrownBy(() -> store.services.auth().signIn("bob", "bob password 123".toCharArray()))
                .isInstanceOf(TamperedException.class);
        assertThatThrownBy(() -> verifier.verify(bobsKey.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("user this key belongs to");
        assertThatThrownBy(() -> store.services.users().setActive(store.admin, "bob", false))
                .as("a change would bind the forged row").isInstanceOf(TamperedException.class);
        assertVerifyNames("User " + bob.userId() + " was changed outside KeyDesk");
    }

    @Test
    void aDeactivatedUserReactivatedByHandStaysOut() {
        store.addUser("bob");
        IssuedKey bobsKey = bobKey();
        store.services.users().setActive(store.admin, "bob", false);

        tamper("UPDATE app_user SET active = TRUE WHERE username = 'bob'");

        assertThatThrownBy(() -> store.services.auth().signIn("bob", "bob password 123".toCharArray()))
                .isInstanceOf(TamperedException.class);
        assertThatThrownBy(() -> verifier.verify(bobsKey.secret().reveal())).isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void aPasswordHashReplacedByHandDoesNotSignIn() {
        store.addUser("bob");
        String known = new Argon2idHasher(TestStore.CHEAP).hash("attacker's password".toCharArray());

        tamper("UPDATE app_user SET password_hash = '" + known + "' WHERE username = 'bob'");

        assertThatThrownBy(() -> store.services.auth().signIn("bob", "attacker's password".toCharArray()))
                .isInstanceOf(TamperedException.class);
    }

    @Test
    void anAdministratorInsertedByHandCannotSignIn() {
        String hash = new Argon2idHasher(TestStore.CHEAP).hash("mallory password".toCharArray());
        tamper("INSERT INTO app_user (username, username_key, is_admin, active, password_hash, created_at)"
                + " VALUES ('mallory', 'mallory', TRUE, TRUE, '" + hash + "', CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> store.services.auth().signIn("mallory", "mallory password".toCharArray()))
                .isInstanceOf(TamperedException.class).hasMessageContaining("added outside KeyDesk");
        assertVerifyNames("was added outside KeyDesk");
    }

    @Test
    void theSiteSettingSwitchedOnByHandGrantsNothing() {
        Session bob = store.addUser("bob");

        tamper("UPDATE site SET users_can_create_api_keys = TRUE");

        assertThatThrownBy(() -> store.services.keys().create(bob, NewKey.forUser("bob", "k", null, PermissionSet.FULL, null)))
                .isInstanceOf(TamperedException.class).hasMessageContaining("The site record");
        assertVerifyNames("The site record was changed outside KeyDesk");
    }

    @Test
    void aSiteNameChangedByHandIsNotShownWhereAPasswordIsTyped() {
        String named = store.services.auth().siteName();
        assertThat(named).isNotBlank();

        tamper("UPDATE site SET name = 'Type your password at evil.example'");

        assertThat(store.services.auth().siteName()).isEmpty();
        assertVerifyNames("The site record was changed outside KeyDesk");
    }

    @Test
    void aStoreWrittenBeforeRowsWereBoundIsTakenAsItIsOnceThenGuarded() {
        IssuedKey key = store.siteKey("old");
        // as a schema-2 store: no digests, no marker (the chain rewritten without them)
        rewriteChainWithoutBinding();

        assertThatThrownBy(() -> verifier.verify(key.secret().reveal())).as("unbound until adopted")
                .isInstanceOf(KeyRejectedException.class);

        Services again = Services.over(store.db, TestStore.CHEAP, store.clock, new SecureRandom());
        assertThat(StoreSnapshot.audit(store)).extracting(AuditEntry::action).contains("row.bound", "store.rows_bound");
        assertThat(again.verifier().verify(key.secret().reveal()).id()).isEqualTo(key.key().id());
        AuditVerification result = again.audit().verify(store.admin);
        assertThat(result.intact()).as(result.message()).isTrue();
        Services third = Services.over(store.db, TestStore.CHEAP, store.clock, new SecureRandom());
        assertThat(StoreSnapshot.audit(store)).filteredOn(e -> e.action().equals("store.rows_bound")).hasSize(1);

        tamper("UPDATE api_key SET name = 'edited' WHERE id = " + key.key().id());
        assertThat(third.audit().verify(store.admin).message()).contains("Key " + key.key().id());
    }

    private IssuedKey bobKey() {
        return store.services.keys().create(store.admin, NewKey.forUser("bob", "k", null, PermissionSet.FULL, null));
    }

    private void assertRejectedAsTampered(IssuedKey key) {
        assertThatThrownBy(() -> verifier.verify(key.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class)
                .hasMessageContaining("changed outside KeyDesk");
    }

    private void assertVerifyNames(String text) {
        AuditVerification result = store.services.audit().verify(store.admin);
        assertThat(result.intact()).isFalse();
        assertThat(result.message()).contains(text);
    }

    private void tamper(String sql) {
        store.db.inTransaction(cfg -> cfg.dsl().execute(sql));
    }

    /** Drops every digest and the marker, then re-links the chain: what a store written before schema 3 holds. */
    private void rewriteChainWithoutBinding() {
        store.db.inTransaction(cfg -> {
            ChainRewriter.rewrite(cfg.dsl(), e -> e.action().equals("store.rows_bound") ? null
                    : new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.outcome(), e.detail(),
                            null, e.prevHash(), e.entryHash()));
            return null;
        });
    }
}
