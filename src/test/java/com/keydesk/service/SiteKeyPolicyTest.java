package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.ExpiryLimit;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
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

/**
 * The two site settings of "least privilege by default": the permission set a new user key gets
 * when none is named, and the longest a non-administrator's key may live. Enforced by the
 * services on every path that makes a key or changes its expiry (the command line, the desktop
 * and the HTTP API all call these).
 */
class SiteKeyPolicyTest {
    private static final String LIMIT_SENTENCE = "On this site a key made by anyone but an administrator must expire"
            + " within 30 days: choose an expiry on or before ";

    @TempDir
    Path temp;
    private TestStore store;
    private KeyService keys;
    private SiteService site;
    private Session bob;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        keys = store.services.keys();
        site = store.services.site();
        bob = store.addUser("bob");
        store.allowUsersToCreateKeys(true);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Instant inDays(long days) {
        return store.clock.instant().plus(Duration.ofDays(days));
    }

    private List<AuditEntry> auditSince(int start) {
        List<AuditEntry> all = StoreSnapshot.audit(store);
        return all.subList(start, all.size());
    }

    // --- the default permission set

    @Test
    void aNewSiteStartsWithTheLeastPrivilegedWorkingSetAndNoMaximumLifetime() {
        Site fresh = site.site(store.admin);

        assertThat(fresh.defaultPermissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(fresh.maxKeyLifetimeDays()).isNull();
    }

    @Test
    void aUserKeyMadeWithoutAPermissionSetGetsTheSitesDefaultOnEveryPath() {
        assertThat(keys.create(store.admin, NewKey.forUser("bob", "by admin", null, null, null)).key().permissionSet())
                .isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(keys.create(bob, NewKey.forUser("bob", "by bob", null, null, null)).key().permissionSet())
                .isEqualTo(PermissionSet.FILES_ONLY);

        site.setDefaultPermissionSet(store.admin, PermissionSet.SYNC_APP);

        assertThat(keys.create(bob, NewKey.forUser("bob", "after the change", null, null, null)).key().permissionSet())
                .isEqualTo(PermissionSet.SYNC_APP);
        long bobsId = store.services.users().list(store.admin).stream().filter(u -> u.username().equals("bob"))
                .findFirst().orElseThrow().id();
        // the HTTP API's path: the owner named by id
        assertThat(keys.createForUserId(bob, bobsId, new NewKey(KeyType.USER, null, "over http", null, null, null))
                .key().permissionSet()).isEqualTo(PermissionSet.SYNC_APP);
    }

    @Test
    void aPermissionSetAskedForWinsAndASiteKeyIsStillFull() {
        site.setDefaultPermissionSet(store.admin, PermissionSet.MOBILE_APP);

        assertThat(keys.create(bob, NewKey.forUser("bob", "chosen", null, PermissionSet.DESKTOP_APP, null)).key()
                .permissionSet()).isEqualTo(PermissionSet.DESKTOP_APP);
        assertThat(keys.create(store.admin, new NewKey(KeyType.SITE, null, "site", null, null, null)).key()
                .permissionSet()).isEqualTo(PermissionSet.FULL);
    }

    @Test
    void theDefaultCannotBeNoneAndNothingChangesWhenRefused() {
        int before = StoreSnapshot.audit(store).size();

        assertThatThrownBy(() -> site.setDefaultPermissionSet(store.admin, PermissionSet.NONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("none would make every new key disabled");
        assertThat(site.site(store.admin).defaultPermissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(StoreSnapshot.audit(store)).hasSize(before);
    }

    // --- auditing the settings

    @Test
    void eachSettingsChangeIsAuditedAndTheSiteRowStaysBoundToTheChain() {
        int start = StoreSnapshot.audit(store).size();

        site.setDefaultPermissionSet(store.admin, PermissionSet.DESKTOP_APP);
        site.setMaxKeyLifetimeDays(store.admin, 30);
        site.setMaxKeyLifetimeDays(store.admin, null);

        assertThat(auditSince(start)).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::outcome,
                AuditEntry::detail, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("site.settings_changed", "site", AuditEntry.OUTCOME_OK,
                        "default_permission_set=desktop_app", TestStore.ADMIN),
                org.assertj.core.groups.Tuple.tuple("site.settings_changed", "site", AuditEntry.OUTCOME_OK,
                        "max_key_lifetime_days=30", TestStore.ADMIN),
                org.assertj.core.groups.Tuple.tuple("site.settings_changed", "site", AuditEntry.OUTCOME_OK,
                        "max_key_lifetime_days=none", TestStore.ADMIN));
        assertThat(auditSince(start)).allSatisfy(e -> assertThat(e.rowDigest()).isNotNull());
        AuditVerification verified = store.services.audit().verify(store.admin);
        assertThat(verified.intact()).as(verified.message()).isTrue();
        // the settings are read back only as the chain recorded them: keys can still be made
        assertThat(keys.create(bob, NewKey.forUser("bob", "after", null, null, null)).key().permissionSet())
                .isEqualTo(PermissionSet.DESKTOP_APP);
    }

    @Test
    void aNonAdministratorCannotChangeEitherSettingAndTheAttemptIsAudited() {
        int start = StoreSnapshot.audit(store).size();

        assertThatThrownBy(() -> site.setDefaultPermissionSet(bob, PermissionSet.FULL))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> site.setMaxKeyLifetimeDays(bob, null)).isInstanceOf(PermissionDeniedException.class);

        assertThat(auditSince(start)).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("bob", "site.settings_changed", AuditEntry.OUTCOME_DENIED))
                .hasSize(2);
        assertThat(site.site(store.admin).defaultPermissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
    }

    @Test
    void theMaximumLifetimeIsADayToTenYearsOrNone() {
        assertThatThrownBy(() -> site.setMaxKeyLifetimeDays(store.admin, 0)).isInstanceOf(ValidationException.class)
                .hasMessage("The maximum key lifetime is a number of days from 1 to 3650, or none.");
        assertThatThrownBy(() -> site.setMaxKeyLifetimeDays(store.admin, 3651)).isInstanceOf(ValidationException.class);
        assertThat(site.setMaxKeyLifetimeDays(store.admin, 3650).maxKeyLifetimeDays()).isEqualTo(3650);
    }

    // --- the maximum lifetime: create

    @Test
    void aNonAdministratorIsRefusedAKeyWithoutExpiryWhenAMaximumIsSet() {
        site.setMaxKeyLifetimeDays(store.admin, 30);
        int start = StoreSnapshot.audit(store).size();

        assertThatThrownBy(() -> keys.create(bob, NewKey.forUser("bob", "forever", null, null, null)))
                .isInstanceOf(PermissionDeniedException.class).hasMessageStartingWith(LIMIT_SENTENCE);

        assertThat(keys.list(bob)).isEmpty();
        assertThat(auditSince(start)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_DENIED);
            assertThat(e.action()).isEqualTo("api_key.created");
        });
    }

    @Test
    void aNonAdministratorIsRefusedAnExpiryBeyondTheMaximumAndMayChooseOneWithinIt() {
        site.setMaxKeyLifetimeDays(store.admin, 30);

        assertThatThrownBy(() -> keys.create(bob, NewKey.forUser("bob", "long", null, null, inDays(31))))
                .isInstanceOf(PermissionDeniedException.class).hasMessageStartingWith(LIMIT_SENTENCE);
        // a form's "in 30 days" is computed a moment after the service's answer: that moment is allowed, no more
        assertThatThrownBy(() -> keys.create(bob, NewKey.forUser("bob", "a second too long", null, null,
                inDays(30).plus(ExpiryLimit.GRACE).plusSeconds(1)))).isInstanceOf(PermissionDeniedException.class);
        assertThat(keys.create(bob, NewKey.forUser("bob", "a moment later", null, null, inDays(30).plusSeconds(20)))
                .key()).isNotNull();

        assertThat(keys.create(bob, NewKey.forUser("bob", "exactly", null, null, inDays(30))).key().expiresAt())
                .isEqualTo(inDays(30));
        assertThat(keys.create(bob, NewKey.forUser("bob", "a week", null, null, inDays(7))).key()).isNotNull();
    }

    @Test
    void theHttpApisPathByUserIdIsLimitedToo() {
        site.setMaxKeyLifetimeDays(store.admin, 30);
        long bobsId = store.services.users().list(store.admin).stream().filter(u -> u.username().equals("bob"))
                .findFirst().orElseThrow().id();

        assertThatThrownBy(() -> keys.createForUserId(bob, bobsId, new NewKey(KeyType.USER, null, "http", null, null, null)))
                .isInstanceOf(PermissionDeniedException.class).hasMessageStartingWith(LIMIT_SENTENCE);
        assertThatThrownBy(() -> keys.createForUserId(bob, bobsId,
                new NewKey(KeyType.USER, null, "http", null, null, inDays(90)))).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void administratorsAreNotLimited() {
        site.setMaxKeyLifetimeDays(store.admin, 1);

        assertThat(keys.create(store.admin, NewKey.forUser("bob", "for bob, forever", null, null, null)).key()
                .expiresAt()).isNull();
        assertThat(keys.create(store.admin, NewKey.site("site, in a year", null, inDays(365))).key()).isNotNull();
        assertThat(keys.expiryLimit(store.admin)).isEqualTo(ExpiryLimit.NONE);
    }

    @Test
    void theServiceSaysAheadWhatItWillAllow() {
        assertThat(keys.expiryLimit(bob).allowsNoExpiry()).isTrue();

        site.setMaxKeyLifetimeDays(store.admin, 30);

        ExpiryLimit limit = keys.expiryLimit(bob);
        assertThat(limit.allowsNoExpiry()).isFalse();
        assertThat(limit.maxDays()).isEqualTo(30);
        assertThat(limit.latest()).isEqualTo(inDays(30));
        assertThat(limit.allows(inDays(30))).isTrue();
        assertThat(limit.allows(inDays(31))).isFalse();
        assertThat(limit.allows(null)).isFalse();
    }

    // --- the maximum lifetime: edit and replace

    @Test
    void editingTheExpiryOfAKeyMadeBeforeTheMaximumMustBringItWithinTheMaximum() {
        ApiKey old = keys.create(bob, NewKey.forUser("bob", "made before", null, null, null)).key();
        site.setMaxKeyLifetimeDays(store.admin, 30);

        // the maximum does not reach back: a key keeps its expiry, and its other fields may change
        assertThat(keys.update(bob, old.id(), new KeyEdit("renamed", null, null, false)).name()).isEqualTo("renamed");
        assertThatThrownBy(() -> keys.update(bob, old.id(), new KeyEdit(null, null, inDays(60), false)))
                .isInstanceOf(PermissionDeniedException.class).hasMessageStartingWith(LIMIT_SENTENCE);
        // the HTTP API's PATCH: expiry and permission set in one call
        assertThatThrownBy(() -> keys.update(bob, old.id(), new KeyEdit(null, null, inDays(60), false),
                PermissionSet.FILES_ONLY)).isInstanceOf(PermissionDeniedException.class)
                .hasMessageStartingWith(LIMIT_SENTENCE);

        assertThat(keys.update(bob, old.id(), new KeyEdit(null, null, inDays(20), false)).expiresAt()).isEqualTo(inDays(20));
    }

    @Test
    void anAdministratorMayStillGiveAnyKeyAnyExpiry() {
        ApiKey bobs = keys.create(bob, NewKey.forUser("bob", "bob's", null, null, inDays(10))).key();
        site.setMaxKeyLifetimeDays(store.admin, 30);

        assertThat(keys.update(store.admin, bobs.id(), new KeyEdit(null, null, inDays(400), false)).expiresAt())
                .isEqualTo(inDays(400));
        assertThat(keys.update(store.admin, bobs.id(), new KeyEdit(null, null, null, true)).expiresAt()).isNull();
    }

    @Test
    void replacingAKeyThatOutlivesTheMaximumIsRefusedWithWhatToDoFirst() {
        ApiKey old = keys.create(bob, NewKey.forUser("bob", "lost", null, null, null)).key();
        site.setMaxKeyLifetimeDays(store.admin, 30);

        assertThatThrownBy(() -> keys.replace(bob, old.id())).isInstanceOf(PermissionDeniedException.class)
                .hasMessageStartingWith("On this site a key made by anyone but an administrator must expire within"
                        + " 30 days: key " + old.id() + " expires later or never, so first give it an expiry on or before ")
                .hasMessageEndingWith(", then replace it.");
        assertThat(keys.list(bob)).extracting(ApiKey::id).containsExactly(old.id());

        keys.update(bob, old.id(), new KeyEdit(null, null, inDays(14), false));
        assertThat(keys.replace(bob, old.id()).key().expiresAt()).isEqualTo(inDays(14));
    }
}
