package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.ValidationException;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key from creation to revocation, checked through what verification then says. */
class KeyLifecycleTest {
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

    @Test
    void onlyAnAdministratorMayLengthenAnExpiryAndTheServiceSaysSoAhead() {
        Session bob = store.services.auth().signIn("bob", "bob password 123".toCharArray());
        org.assertj.core.api.Assertions.assertThat(keys.mayLengthenExpiry(store.admin)).isTrue();
        org.assertj.core.api.Assertions.assertThat(keys.mayLengthenExpiry(bob)).isFalse();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void createdSiteKeyVerifies() {
        IssuedKey issued = keys.create(store.admin, NewKey.site("deploy", "CI pipeline", null));

        ApiKey verified = verifier.verify(issued.secret().reveal());

        assertThat(verified.id()).isEqualTo(issued.key().id());
        assertThat(verified.type()).isEqualTo(KeyType.SITE);
        assertThat(verified.permissionSet()).isEqualTo(PermissionSet.FULL);
        assertThat(verified.hasFullSitePower()).isTrue();
        assertThat(issued.secret().reveal()).startsWith("kds_");
    }

    @Test
    void createdUserKeyVerifiesAsItsOwner() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "sync", "laptop", PermissionSet.SYNC_APP, null));

        ApiKey verified = verifier.verify(issued.secret().reveal());

        assertThat(verified.ownerUsername()).isEqualTo("bob");
        assertThat(verified.permissionSet()).isEqualTo(PermissionSet.SYNC_APP);
        assertThat(verified.hasFullSitePower()).isFalse();
        assertThat(issued.secret().reveal()).startsWith("kdu_");
        assertThat(issued.key().createdBy()).isEqualTo(TestStore.ADMIN);
        assertThat(issued.key().descriptiveLabel()).startsWith("kdu_");
    }

    @Test
    void userKeyWithoutAChosenSetGetsTheSitesDefaultNotFull() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "default", null, null, null));

        // least privilege by default (issue 17); SiteKeyPolicyTest has the setting itself
        assertThat(issued.key().permissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
    }

    @Test
    void disabledKeyIsRejected() {
        IssuedKey issued = store.siteKey("k");

        ApiKey disabled = keys.disable(store.admin, issued.key().id());

        assertThat(disabled.permissionSet()).isEqualTo(PermissionSet.NONE);
        assertThat(keys.statusOf(disabled)).isEqualTo(KeyStatus.DISABLED);
        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class).hasMessageContaining("disabled");
    }

    @Test
    void enableRestoresThePreviousPermissionSet() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "files", null, PermissionSet.FILES_ONLY, null));
        keys.disable(store.admin, issued.key().id());

        ApiKey enabled = keys.enable(store.admin, issued.key().id(), null);

        assertThat(enabled.permissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(verifier.verify(issued.secret().reveal()).permissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
    }

    @Test
    void enableWithAChosenSetUsesIt() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "files", null, PermissionSet.FILES_ONLY, null));
        keys.disable(store.admin, issued.key().id());

        ApiKey enabled = keys.enable(store.admin, issued.key().id(), PermissionSet.MOBILE_APP);

        assertThat(enabled.permissionSet()).isEqualTo(PermissionSet.MOBILE_APP);
    }

    @Test
    void enablingWithNoneIsRefused() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "k", null, null, null));
        keys.disable(store.admin, issued.key().id());

        assertThatThrownBy(() -> keys.enable(store.admin, issued.key().id(), PermissionSet.NONE))
                .isInstanceOf(ValidationException.class);
        assertThat(keys.show(store.admin, issued.key().id()).permissionSet()).isEqualTo(PermissionSet.NONE);
    }

    @Test
    void siteKeyIsOnlyEverFull() {
        assertThatThrownBy(() -> keys.create(store.admin,
                new NewKey(KeyType.SITE, null, "limited", null, PermissionSet.FILES_ONLY, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("full");

        ApiKey site = store.siteKey("site").key();
        keys.disable(store.admin, site.id());
        assertThatThrownBy(() -> keys.enable(store.admin, site.id(), PermissionSet.DESKTOP_APP))
                .isInstanceOf(ValidationException.class);
        assertThat(keys.enable(store.admin, site.id(), null).permissionSet()).isEqualTo(PermissionSet.FULL);
    }

    @Test
    void newKeyCannotStartDisabled() {
        assertThatThrownBy(() -> keys.create(store.admin, NewKey.forUser("bob", "off", null, PermissionSet.NONE, null)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void disablingTwiceOrEnablingAnActiveKeyIsAConflict() {
        ApiKey key = store.siteKey("k").key();
        assertThatThrownBy(() -> keys.enable(store.admin, key.id(), null)).isInstanceOf(ConflictException.class);

        keys.disable(store.admin, key.id());
        assertThatThrownBy(() -> keys.disable(store.admin, key.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void revokedKeyIsRejectedForever() {
        IssuedKey issued = keys.create(store.admin, NewKey.forUser("bob", "k", null, null, null));

        keys.revoke(store.admin, issued.key().id());

        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal())).isInstanceOf(KeyRejectedException.class);
        assertThat(keys.list(store.admin)).noneMatch(k -> k.id() == issued.key().id());
        store.clock.advance(Duration.ofDays(400));
        assertThatThrownBy(() -> verifier.verify(issued.secret().reveal())).isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void revokedKeyStaysOnRecordInTheAuditLog() {
        IssuedKey issued = store.siteKey("old deploy");

        keys.revoke(store.admin, issued.key().id());

        assertThat(StoreSnapshot.lastAudit(store)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("api_key.revoked");
            assertThat(e.target()).isEqualTo("api_key:" + issued.key().id());
            assertThat(e.detail()).contains("old deploy").contains(issued.key().descriptiveLabel());
        });
    }

    @Test
    void replaceIssuesANewSecretForTheSameKeyInOneStep() {
        Instant expiry = store.clock.instant().plus(Duration.ofDays(10));
        IssuedKey old = keys.create(store.admin, NewKey.forUser("bob", "backup", "nightly", PermissionSet.FILES_ONLY, expiry));
        int auditBefore = StoreSnapshot.audit(store).size();

        IssuedKey replacement = keys.replace(store.admin, old.key().id());

        assertThatThrownBy(() -> verifier.verify(old.secret().reveal())).isInstanceOf(KeyRejectedException.class);
        assertThat(verifier.verify(replacement.secret().reveal()).id()).isEqualTo(replacement.key().id());
        ApiKey fresh = replacement.key();
        assertThat(fresh.id()).isNotEqualTo(old.key().id());
        assertThat(fresh.name()).isEqualTo("backup");
        assertThat(fresh.description()).isEqualTo("nightly");
        assertThat(fresh.ownerUsername()).isEqualTo("bob");
        assertThat(fresh.permissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(fresh.expiresAt()).isEqualTo(expiry);
        assertThat(fresh.descriptiveLabel()).isNotEqualTo(old.key().descriptiveLabel());
        assertThat(keys.list(store.admin)).extracting(ApiKey::id).contains(fresh.id()).doesNotContain(old.key().id());

        List<AuditEntry> added = StoreSnapshot.audit(store).subList(auditBefore, StoreSnapshot.audit(store).size());
        assertThat(added).extracting(AuditEntry::action).containsExactly("api_key.revoked", "api_key.replaced");
        assertThat(added.getFirst().detail()).contains("replaced by api_key:" + fresh.id());
        assertThat(added.getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("api_key.replaced");
            assertThat(e.detail()).contains("api_key:" + old.key().id()).contains("api_key:" + fresh.id());
        });
    }

    @Test
    void replacingADisabledKeyKeepsItDisabledAndRemembersItsSet() {
        IssuedKey old = keys.create(store.admin, NewKey.forUser("bob", "k", null, PermissionSet.OFFICE_INTEGRATION, null));
        keys.disable(store.admin, old.key().id());

        IssuedKey replacement = keys.replace(store.admin, old.key().id());

        assertThatThrownBy(() -> verifier.verify(replacement.secret().reveal())).isInstanceOf(KeyRejectedException.class);
        assertThat(replacement.key().disabledByAdmin()).isTrue();
        assertThat(keys.enable(store.admin, replacement.key().id(), null).permissionSet())
                .isEqualTo(PermissionSet.OFFICE_INTEGRATION);
    }
}
