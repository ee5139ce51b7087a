package com.keydesk.service;

import com.keydesk.crypto.KeyTexts;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.testing.H2Statements;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verification: the key is the credential; it works only while the key is usable, and records its use sparingly. */
class KeyVerifierTest {
    @TempDir
    Path temp;
    private TestStore store;
    private KeyService keys;
    private KeyVerifier verifier;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        keys = store.services.keys();
        verifier = store.services.verifier();
        store.addUser("bob");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void keyNotIssuedHereIsRejected() {
        String foreign = new com.keydesk.crypto.KeyFormat(new java.security.SecureRandom()).generate(KeyType.USER).text();

        assertThatThrownBy(() -> verifier.verify(foreign)).isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void rightLookupIdWithWrongSecretIsRejected() {
        String real = store.siteKey("real").secret().reveal();
        String forged = KeyTexts.withSecret(real, "A".repeat(43));

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void userKeyPresentedAsASiteKeyIsRejected() {
        String userKey = keys.create(store.admin, NewKey.forUser("bob", "k", null, null, null)).secret().reveal();

        assertThatThrownBy(() -> verifier.verify(KeyTexts.withMarker(userKey, 's'))).isInstanceOf(KeyRejectedException.class);
        assertThat(verifier.verify(userKey).ownerUsername()).isEqualTo("bob");
    }

    @Test
    void expiredKeyIsRejectedAndShownAsExpiredNotHidden() {
        Instant expiry = store.clock.instant().plus(Duration.ofHours(1));
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "short-lived", null, null, expiry));
        assertThat(verifier.verify(issued.secret().reveal()).id()).isEqualTo(issued.key().id());

        store.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("expired");
        ApiKey listed = keys.list(store.admin).stream().filter(k -> k.id() == issued.key().id()).findFirst().orElseThrow();
        assertThat(keys.statusOf(listed)).isEqualTo(KeyStatus.EXPIRED);
        assertThat(keys.show(store.admin, issued.key().id()).expiresAt()).isEqualTo(expiry);
    }

    @Test
    void keyIsValidUntilTheMomentItExpires() {
        Instant expiry = store.clock.instant().plus(Duration.ofHours(1));
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "k", null, null, expiry));

        store.clock.advance(Duration.ofHours(1).minusSeconds(1));

        assertThat(verifier.verify(issued.secret().reveal()).id()).isEqualTo(issued.key().id());
    }

    @Test
    void expiredKeyCannotBeEnabledOrReplaced() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "k", null, null,
                store.clock.instant().plus(Duration.ofHours(1))));
        keys.disable(store.admin, issued.key().id());
        store.clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> keys.enable(store.admin, issued.key().id(), null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> keys.replace(store.admin, issued.key().id())).isInstanceOf(ConflictException.class);
        assertThat(keys.statusOf(keys.show(store.admin, issued.key().id()))).isEqualTo(KeyStatus.EXPIRED);
    }

    @Test
    void deactivatedOwnersKeyIsRejectedAndNoNewKeyIsMadeForThem() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "k", null, null, null));

        store.services.users().setActive(store.admin, "bob", false);

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("deactivated");
        StoreSnapshot before = StoreSnapshot.of(store);
        assertThatThrownBy(() -> keys.create(store.admin, NewKey.forUser("bob", "another", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> keys.replace(store.admin, issued.key().id())).isInstanceOf(ConflictException.class);
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal())).isInstanceOf(KeyRejectedException.class);

        store.services.users().setActive(store.admin, "bob", true);
        assertThat(verifier.verify(issued.secret().reveal()).id()).isEqualTo(issued.key().id());
    }

    @Test
    void lastUseIsRecordedOnVerifyAndUpdatedAtMostOnceAMinute() {
        IssuedKey issued = store.siteKey("k");
        String secret = issued.secret().reveal();
        assertThat(issued.key().lastUseAt()).isNull();
        Instant first = store.clock.instant();

        assertThat(verifier.verify(secret).lastUseAt()).isEqualTo(first);

        store.clock.advance(Duration.ofSeconds(30));
        assertThat(verifier.verify(secret).lastUseAt()).isEqualTo(first);
        assertThat(keys.show(store.admin, issued.key().id()).lastUseAt()).isEqualTo(first);

        store.clock.advance(Duration.ofSeconds(31));
        Instant later = store.clock.instant();
        assertThat(verifier.verify(secret).lastUseAt()).isEqualTo(later);
        assertThat(keys.show(store.admin, issued.key().id()).lastUseAt()).isEqualTo(later);
    }

    @Test
    void verifyingAgainWithinTheMinuteSendsNoUpdate() {
        String secret = store.siteKey("k").secret().reveal();
        verifier.verify(secret);
        store.clock.advance(Duration.ofSeconds(30));
        H2Statements statements = H2Statements.countFrom(store.db);

        verifier.verify(secret);

        assertThat(statements.executed().keySet()).isNotEmpty().noneMatch(sql -> sql.startsWith("update"));
    }

    @Test
    void rejectedVerificationRecordsNoUse() {
        IssuedKey issued = store.siteKey("k");
        keys.disable(store.admin, issued.key().id());

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal())).isInstanceOf(KeyRejectedException.class);

        assertThat(keys.show(store.admin, issued.key().id()).lastUseAt()).isNull();
    }

    @Test
    void verificationNeedsNoSignInAndWritesNoAuditEntry() {
        IssuedKey issued = store.siteKey("k");
        int before = StoreSnapshot.audit(store).size();

        verifier.verify(issued.secret().reveal());

        assertThat(StoreSnapshot.audit(store)).hasSize(before);
    }
}
