package com.keydesk.service;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.crypto.KeyTexts;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.NewKey;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import static com.keydesk.store.generated.Tables.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verified-digest cache saves the Argon2id check of a key seen before, and nothing else: every
 * change to the key's state, and any other secret, is still refused.
 */
class VerifiedKeyCacheTest {
    @TempDir
    Path temp;
    private TestStore store;
    private KeyService keys;
    private final Argon2idHasher hasher = new Argon2idHasher(TestStore.CHEAP);

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        keys = store.services.keys();
        store.addUser("bob");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** A verifier over the test store with a hasher of its own, whose Argon2id runs are its checks. */
    private KeyVerifier verifier(int capacity) {
        SecureRandom random = new SecureRandom();
        return new KeyVerifier(store.db, hasher, new DummyHash(TestStore.CHEAP, random),
                new VerifiedKeyCache(capacity, random), store.clock);
    }

    /** How many Argon2id checks the verifier has made. */
    private long argon2Checks() {
        return hasher.runs();
    }

    private String userKey(String name) {
        return keys.create(store.admin, NewKey.forUser("bob", name, null, null, null)).secret().reveal();
    }

    @Test
    void aKeyVerifiedAgainSkipsArgon2idButStillReturnsItsRow() {
        KeyVerifier verifier = verifier(10);
        IssuedKey issued = store.siteKey("k");

        verifier.verify(issued.secret().reveal());
        assertThat(verifier.verify(issued.secret().reveal()).id()).isEqualTo(issued.key().id());
        assertThat(verifier.verify(issued.secret().reveal()).name()).isEqualTo("k");

        assertThat(argon2Checks()).isEqualTo(1);
    }

    @Test
    void disablingAKeyRefusesItAtOnceThoughItWasCached() {
        KeyVerifier verifier = verifier(10);
        IssuedKey issued = store.siteKey("k");
        verifier.verify(issued.secret().reveal());

        keys.disable(store.admin, issued.key().id());

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("disabled");
        assertThat(argon2Checks()).as("refused from the row, on the cached path").isEqualTo(1);
        keys.enable(store.admin, issued.key().id(), null);
        assertThat(verifier.verify(issued.secret().reveal()).id()).isEqualTo(issued.key().id());
    }

    @Test
    void anExpiredKeyIsRefusedThoughItWasCached() {
        KeyVerifier verifier = verifier(10);
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "k", null, null,
                store.clock.instant().plus(Duration.ofHours(1))));
        verifier.verify(issued.secret().reveal());

        store.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("expired");
    }

    @Test
    void aDeactivatedOwnersKeyIsRefusedThoughItWasCached() {
        KeyVerifier verifier = verifier(10);
        String key = userKey("k");
        verifier.verify(key);

        store.services.users().setActive(store.admin, "bob", false);

        assertThatThrownBy(() -> verifier.verify(key))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("deactivated");
    }

    @Test
    void aRevokedKeyIsRefusedThoughItWasCached() {
        KeyVerifier verifier = verifier(10);
        IssuedKey issued = store.siteKey("k");
        verifier.verify(issued.secret().reveal());

        keys.revoke(store.admin, issued.key().id());

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal())).isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void aReplacedKeyIsRefusedThoughItWasCachedAndItsSuccessorIsChecked() {
        KeyVerifier verifier = verifier(10);
        IssuedKey issued = store.siteKey("k");
        verifier.verify(issued.secret().reveal());

        IssuedKey successor = keys.replace(store.admin, issued.key().id());

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal())).isInstanceOf(KeyRejectedException.class);
        long before = argon2Checks();
        assertThat(verifier.verify(successor.secret().reveal()).id()).isEqualTo(successor.key().id());
        assertThat(argon2Checks()).isEqualTo(before + 1);
    }

    @Test
    void aKeyPresentedWithTheWrongTypeIsRefusedThoughItWasCached() {
        KeyVerifier verifier = verifier(10);
        String key = userKey("k");
        verifier.verify(key);

        assertThatThrownBy(() -> verifier.verify(KeyTexts.withMarker(key, 's'))).isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void aWrongSecretForACachedLookupIdPaysArgon2idAndIsRefused() {
        KeyVerifier verifier = verifier(10);
        String real = store.siteKey("k").secret().reveal();
        verifier.verify(real);

        assertThatThrownBy(() -> verifier.verify(KeyTexts.withSecret(real, "A".repeat(43))))
                .isInstanceOf(KeyRejectedException.class);
        assertThat(argon2Checks()).isEqualTo(2);

        verifier.verify(real);
        assertThat(argon2Checks()).as("the failed guess did not evict the real key").isEqualTo(2);
    }

    @Test
    void aChangedHashIsNeverMatchedByWhatWasCachedForTheOldOne() {
        KeyVerifier verifier = verifier(10);
        IssuedKey issued = store.siteKey("k");
        String key = issued.secret().reveal();
        verifier.verify(key);
        String secretPart = KeyFormat.parse(key).secretPart();

        // the same secret hashed again (as a rehash with new parameters would): checked again, accepted
        setHash(issued.key().id(), new Argon2idHasher(new Argon2Params(512, 1, 1)).hash(secretPart.toCharArray()));
        assertThat(verifier.verify(key).id()).isEqualTo(issued.key().id());
        assertThat(argon2Checks()).isEqualTo(2);

        // another secret's hash under the same lookup id: the cached success for the old hash must not count
        setHash(issued.key().id(), new Argon2idHasher(TestStore.CHEAP).hash("B".repeat(43).toCharArray()));
        assertThatThrownBy(() -> verifier.verify(key)).isInstanceOf(KeyRejectedException.class);
        assertThat(argon2Checks()).isEqualTo(3);
    }

    /** A new hash for the key, recorded in the audit chain as KeyDesk itself would (else it does not verify at all). */
    private void setHash(long keyId, String hash) {
        store.db.inTransaction(cfg -> {
            cfg.dsl().update(API_KEY).set(API_KEY.SECRET_HASH, hash).where(API_KEY.ID.eq(keyId)).execute();
            new AuditLog(store.db, java.time.Clock.systemUTC()).append(cfg.dsl(), "test", "api_key.rehashed",
                    RowBinding.keyTarget(keyId), "ok", null, RowBinding.ofKey(cfg.dsl(), keyId));
            return null;
        });
    }

    @Test
    void theLeastRecentlyUsedKeyIsForgottenFirst() {
        KeyVerifier verifier = verifier(2);
        String a = userKey("a");
        String b = userKey("b");
        String c = userKey("c");
        verifier.verify(a);
        verifier.verify(b);
        verifier.verify(a);   // a is now more recent than b
        assertThat(argon2Checks()).isEqualTo(2);

        verifier.verify(c);   // evicts b
        verifier.verify(a);
        verifier.verify(c);
        assertThat(argon2Checks()).isEqualTo(3);

        verifier.verify(b);
        assertThat(argon2Checks()).isEqualTo(4);
    }

    @Test
    void withCapacityZeroEveryVerificationPaysArgon2idAndAnswersAsBefore() {
        KeyVerifier verifier = verifier(0);
        IssuedKey issued = store.siteKey("k");
        String key = issued.secret().reveal();

        assertThat(verifier.verify(key).id()).isEqualTo(issued.key().id());
        assertThat(verifier.verify(key).id()).isEqualTo(issued.key().id());
        assertThatThrownBy(() -> verifier.verify(KeyTexts.withSecret(key, "A".repeat(43))))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("not valid");
        keys.disable(store.admin, issued.key().id());
        assertThatThrownBy(() -> verifier.verify(key)).isInstanceOf(KeyRejectedException.class)
                .hasMessageContaining("disabled");

        assertThat(argon2Checks()).isEqualTo(4);
    }

    @Test
    void anUnknownLookupIdStillPaysOneHash() {
        KeyVerifier verifier = verifier(10);
        String foreign = new KeyFormat(new SecureRandom()).generate(com.keydesk.domain.KeyType.SITE).text();

        assertThatThrownBy(() -> verifier.verify(foreign)).isInstanceOf(KeyRejectedException.class);
        assertThatThrownBy(() -> verifier.verify(foreign)).isInstanceOf(KeyRejectedException.class);

        assertThat(argon2Checks()).isEqualTo(2);
    }

    @Test
    void itsTextTellsOnlyHowFullItIs() {
        VerifiedKeyCache cache = new VerifiedKeyCache(10, new SecureRandom());
        var parsed = KeyFormat.parse(store.siteKey("k").secret().reveal());
        cache.remember(parsed, "$argon2id$v=19$m=256,t=1,p=1$c2FsdA$aGFzaA");

        assertThat(cache).hasToString("VerifiedKeyCache[entries=1, capacity=10]");
        assertThat(cache.holds(parsed, "$argon2id$v=19$m=256,t=1,p=1$c2FsdA$aGFzaA")).isTrue();
        assertThat(new VerifiedKeyCache(10, new SecureRandom()).holds(parsed, "$argon2id$v=19$m=256,t=1,p=1$c2FsdA$aGFzaA"))
                .as("another process's cache knows nothing").isFalse();
    }
}
