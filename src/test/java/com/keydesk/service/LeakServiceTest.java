package com.keydesk.service;

import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.Secret;
import com.keydesk.service.LeakService.FoundKey;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Found keys named through the service: only the actor's own (or all, for an administrator); all else unknown. */
class LeakServiceTest {
    @TempDir
    Path temp;
    private TestStore store;
    private Session bob;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        bob = store.addUser("bob");
        store.addUser("carol");
        store.allowUsersToCreateKeys(true);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<FoundKey> name(Session who, IssuedKey... keys) {
        return store.services.leaks().name(who, java.util.Arrays.stream(keys).map(IssuedKey::secret).toList());
    }

    @Test
    void anAdministratorSeesEveryFoundKeyNamedWithItsStatus() {
        IssuedKey site = store.siteKey("deploy");
        IssuedKey bobs = store.services.keys().create(store.admin, NewKey.forUser("bob", "laptop", null, null, null));
        store.services.keys().disable(store.admin, bobs.key().id());

        assertThat(name(store.admin, site, bobs)).containsExactly(
                new FoundKey(site.key().id(), "deploy", null, KeyStatus.ACTIVE),
                new FoundKey(bobs.key().id(), "laptop", "bob", KeyStatus.DISABLED));
    }

    @Test
    void aNonAdministratorLearnsNothingAboutKeysThatAreNotTheirs() {
        IssuedKey site = store.siteKey("deploy");
        IssuedKey carols = store.services.keys().create(store.admin, NewKey.forUser("carol", "carol's", null, null, null));
        IssuedKey bobs = store.services.keys().create(bob, NewKey.forUser("bob", "mine", null, null, null));
        String ofAnotherStore = new KeyFormat(new SecureRandom()).generate(KeyType.USER).text();

        List<FoundKey> seen = store.services.leaks().name(bob, List.of(site.secret(), carols.secret(), bobs.secret(),
                new Secret(ofAnotherStore)));

        assertThat(seen).containsExactly(FoundKey.UNKNOWN, FoundKey.UNKNOWN,
                new FoundKey(bobs.key().id(), "mine", "bob", KeyStatus.ACTIVE), FoundKey.UNKNOWN);
        assertThat(seen.getFirst().statusName()).isEqualTo("unknown");
    }

    @Test
    void aForgedKeyWithARealLookupIdIsUnknownSoAFileCannotGetARealKeyRevoked() {
        IssuedKey site = store.siteKey("deploy");
        // The lookup id is public (it is in every label); a planted string with it and a valid checksum is not the key.
        String real = site.secret().reveal();
        String body = real.substring(0, 17) + "A".repeat(43);
        String forged = KeyFormatChecksum.withChecksum(body);
        assertThat(KeyFormat.recognise(forged)).isTrue();

        assertThat(store.services.leaks().name(store.admin, List.of(new Secret(forged)))).containsExactly(FoundKey.UNKNOWN);
    }

    @Test
    void aRevokedKeyIsUnknown() {
        IssuedKey site = store.siteKey("deploy");
        store.services.keys().revoke(store.admin, site.key().id());
        assertThat(name(store.admin, site)).containsExactly(FoundKey.UNKNOWN);
    }

    @Test
    void revokingWithAReasonAuditsWhereTheKeyWasFoundAndTheKeyNoLongerVerifies() {
        IssuedKey site = store.siteKey("deploy");
        store.services.keys().revoke(store.admin, site.key().id(), "found in /srv/app/.env\u001b[2J");

        AuditEntry last = StoreSnapshot.lastAudit(store);
        assertThat(last.action()).isEqualTo("api_key.revoked");
        assertThat(last.detail()).contains("found in /srv/app/.env?[2J").doesNotContain("\u001b")
                .doesNotContain(site.secret().reveal().substring(17, 60));
        assertThatThrownBy(() -> store.services.verifier().verify(site.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void namingNeedsASession() {
        assertThatThrownBy(() -> store.services.leaks().name(null, List.of()))
                .isInstanceOf(com.keydesk.domain.AuthenticationException.class);
    }
}
