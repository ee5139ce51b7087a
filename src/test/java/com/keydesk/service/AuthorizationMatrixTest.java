package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role table of product.md, row by row, at the service layer: the interface may hide
 * things, but only these checks protect. Every refusal must be a PermissionDeniedException,
 * leave one "denied" audit entry and change nothing.
 */
class AuthorizationMatrixTest {
    enum Role { ADMINISTRATOR, USER_SETTING_OFF, USER_SETTING_ON }

    /** One row of the table: what is tried and who may do it. */
    record Row(String name, String action, boolean changes, boolean admin, boolean settingOff, boolean settingOn,
               Consumer<World> run) {
        boolean allowedFor(Role role) {
            return switch (role) {
                case ADMINISTRATOR -> admin;
                case USER_SETTING_OFF -> settingOff;
                case USER_SETTING_ON -> settingOn;
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final boolean Y = true;
    private static final boolean N = false;

    /** A row that changes something: when allowed, exactly one "ok" audit entry names it. */
    private static Row change(String name, String action, boolean admin, boolean off, boolean on, Consumer<World> run) {
        return new Row(name, action, true, admin, off, on, run);
    }

    /** A row that only reads: when allowed, nothing is written. */
    private static Row read(String name, String action, boolean admin, boolean off, boolean on, Consumer<World> run) {
        return new Row(name, action, false, admin, off, on, run);
    }

    static List<Row> rows() {
        return List.of(
                // list / show
                read("list keys", null, Y, Y, Y, w -> w.keys().list(w.actor)),
                read("show own key", null, Y, Y, Y, w -> w.keys().show(w.actor, w.own)),
                read("show a site key", "api_key.viewed", Y, N, N, w -> w.keys().show(w.actor, w.site)),
                read("show another user's key", "api_key.viewed", Y, N, N, w -> w.keys().show(w.actor, w.others)),
                // create
                change("create a site key", "api_key.created", Y, N, N,
                        w -> w.keys().create(w.actor, NewKey.site("new site key", null, null))),
                change("create a user key for themselves", "api_key.created", Y, N, Y,
                        w -> w.keys().create(w.actor, NewKey.forUser(w.actor.username(), "mine", null, PermissionSet.FILES_ONLY, null))),
                change("create a user key for someone else", "api_key.created", Y, N, N,
                        w -> w.keys().create(w.actor, NewKey.forUser("carol", "for carol", null, null, null))),
                // own key
                change("disable own key", "api_key.disabled", Y, Y, Y, w -> w.keys().disable(w.actor, w.own)),
                change("enable own key they disabled", "api_key.enabled", Y, N, Y,
                        w -> w.keys().enable(w.actor, w.ownSelfDisabled, null)),
                change("enable own key an administrator disabled", "api_key.enabled", Y, N, N,
                        w -> w.keys().enable(w.actor, w.ownAdminDisabled, null)),
                change("edit own key's name and description", "api_key.updated", Y, N, Y,
                        w -> w.keys().update(w.actor, w.own, new KeyEdit("renamed", "a note", null, false))),
                change("bring own key's expiry earlier", "api_key.updated", Y, N, Y,
                        w -> w.keys().update(w.actor, w.own, new KeyEdit(null, null, w.ownExpiry.minus(Duration.ofDays(1)), false))),
                change("keep own key's expiry", "api_key.updated", Y, N, Y,
                        w -> w.keys().update(w.actor, w.own, new KeyEdit("same expiry", null, w.ownExpiry, false))),
                change("give own unexpiring key an expiry", "api_key.updated", Y, N, Y,
                        w -> w.keys().update(w.actor, w.ownNoExpiry, new KeyEdit(null, null, w.now().plus(Duration.ofDays(3)), false))),
                change("extend own key's expiry", "api_key.updated", Y, N, N,
                        w -> w.keys().update(w.actor, w.own, new KeyEdit(null, null, w.ownExpiry.plus(Duration.ofDays(1)), false))),
                change("remove own key's expiry", "api_key.updated", Y, N, N,
                        w -> w.keys().update(w.actor, w.own, new KeyEdit(null, null, null, true))),
                change("revoke own key", "api_key.revoked", Y, N, Y, w -> w.keys().revoke(w.actor, w.own)),
                change("replace own key", "api_key.replaced", Y, N, Y, w -> w.keys().replace(w.actor, w.own)),
                // a site key
                change("disable a site key", "api_key.disabled", Y, N, N, w -> w.keys().disable(w.actor, w.site)),
                change("enable a site key", "api_key.enabled", Y, N, N, w -> w.keys().enable(w.actor, w.siteDisabled, null)),
                change("edit a site key", "api_key.updated", Y, N, N,
                        w -> w.keys().update(w.actor, w.site, new KeyEdit("renamed", null, null, false))),
                change("revoke a site key", "api_key.revoked", Y, N, N, w -> w.keys().revoke(w.actor, w.site)),
                change("replace a site key", "api_key.replaced", Y, N, N, w -> w.keys().replace(w.actor, w.site)),
                // another user's key
                change("disable another user's key", "api_key.disabled", Y, N, N, w -> w.keys().disable(w.actor, w.others)),
                change("enable another user's key", "api_key.enabled", Y, N, N,
                        w -> w.keys().enable(w.actor, w.othersDisabled, null)),
                change("edit another user's key", "api_key.updated", Y, N, N,
                        w -> w.keys().update(w.actor, w.others, new KeyEdit("renamed", null, null, false))),
                change("shorten another user's key's expiry", "api_key.updated", Y, N, N,
                        w -> w.keys().update(w.actor, w.others, new KeyEdit(null, null, w.now().plus(Duration.ofHours(1)), false))),
                change("revoke another user's key", "api_key.revoked", Y, N, N, w -> w.keys().revoke(w.actor, w.others)),
                change("replace another user's key", "api_key.replaced", Y, N, N, w -> w.keys().replace(w.actor, w.others)),
                // users, settings, audit log
                read("list users", "user.listed", Y, N, N, w -> w.store.services.users().list(w.actor)),
                change("add a user", "user.created", Y, N, N,
                        w -> w.store.services.users().add(w.actor, "dave", null, false, "dave's long password".toCharArray())),
                change("make a user an administrator", "user.promoted", Y, N, N,
                        w -> w.store.services.users().setAdmin(w.actor, "carol", true)),
                read("preview a promotion", "user.promoted", Y, N, N,
                        w -> w.store.services.users().keysGainingFullPower(w.actor, "carol")),
                change("deactivate a user", "user.deactivated", Y, N, N,
                        w -> w.store.services.users().setActive(w.actor, "carol", false)),
                change("reset a user's password", "user.password_reset", Y, N, N,
                        w -> w.store.services.users().resetPassword(w.actor, "carol", "a temporary password".toCharArray())),
                change("change a user's display name", "user.renamed", Y, N, N,
                        w -> w.store.services.users().rename(w.actor, "carol", "Carol C.")),
                change("change the site setting", "site.settings_changed", Y, N, N,
                        w -> w.store.services.site().setUsersCanCreateApiKeys(w.actor, !w.store.services.site().site(w.actor).usersCanCreateApiKeys())),
                read("read the audit log", "audit.viewed", Y, N, N, w -> w.store.services.audit().entries(w.actor)),
                read("verify the audit log", "audit.verified", Y, N, N, w -> w.store.services.audit().verify(w.actor)),
                // everyone
                change("change own password", "user.password_changed", Y, Y, Y,
                        w -> w.store.services.users().changeOwnPassword(w.actor, w.password.toCharArray(),
                                "a brand new password".toCharArray())),
                read("read the site's name and setting", null, Y, Y, Y, w -> w.store.services.site().site(w.actor)));
    }

    static Stream<Arguments> table() {
        return rows().stream().flatMap(row -> Stream.of(Role.values()).map(role -> Arguments.of(role, row)));
    }

    @TempDir
    Path temp;
    private TestStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void roleTableIsEnforcedByTheServices(Role role, Row row) {
        store = TestStore.in(temp);
        World world = World.build(store, role);
        StoreSnapshot before = StoreSnapshot.of(store);
        List<AuditEntry> auditBefore = StoreSnapshot.audit(store);

        if (row.allowedFor(role)) {
            assertThatCode(() -> row.run().accept(world)).doesNotThrowAnyException();
            List<AuditEntry> added = newEntries(auditBefore);
            assertThat(added).noneMatch(e -> e.outcome().equals(AuditEntry.OUTCOME_DENIED));
            if (!row.changes()) {
                assertThat(added).as("a read writes nothing").isEmpty();
            } else {
                // replace also records the old key's removal ("api_key.revoked") before its own entry
                assertThat(added).as("every entry is the actor's").allSatisfy(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_OK);
                    assertThat(e.actor()).isEqualTo(world.actor.username());
                });
                assertThat(added).as("a change is audited").hasSize(row.action().equals("api_key.replaced") ? 2 : 1)
                        .last()
                        .satisfies(e -> {
                            assertThat(e.action()).isEqualTo(row.action());
                            assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_OK);
                            assertThat(e.actor()).isEqualTo(world.actor.username());
                        });
            }
        } else {
            assertThatThrownBy(() -> row.run().accept(world)).isInstanceOf(PermissionDeniedException.class);
            assertThat(StoreSnapshot.of(store)).as("nothing changed").isEqualTo(before);
            assertThat(newEntries(auditBefore)).as("the refusal is audited").singleElement()
                    .satisfies(e -> {
                        assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_DENIED);
                        assertThat(e.action()).isEqualTo(row.action());
                        assertThat(e.actor()).isEqualTo(world.actor.username());
                    });
        }
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
    }

    private List<AuditEntry> newEntries(List<AuditEntry> before) {
        List<AuditEntry> after = StoreSnapshot.audit(store);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        return after.subList(before.size(), after.size());
    }

    /** The store as each row finds it: keys of every kind and state, and who acts. */
    static final class World {
        final TestStore store;
        Session actor;
        String password;
        long own;
        Instant ownExpiry;
        long ownNoExpiry;
        long ownSelfDisabled;
        long ownAdminDisabled;
        long site;
        long siteDisabled;
        long others;
        long othersDisabled;

        private World(TestStore store) {
            this.store = store;
        }

        static World build(TestStore store, Role role) {
            World w = new World(store);
            KeyService keys = store.services.keys();
            Session bob = store.addUser("bob");
            store.addUser("carol");
            store.allowUsersToCreateKeys(role == Role.USER_SETTING_ON);
            w.actor = role == Role.ADMINISTRATOR ? store.admin : bob;
            w.password = role == Role.ADMINISTRATOR ? TestStore.ADMIN_PASSWORD : "bob password 123";
            String me = w.actor.username();

            w.ownExpiry = w.now().plus(Duration.ofDays(30));
            w.own = keys.create(store.admin, NewKey.forUser(me, "own", null, PermissionSet.FILES_ONLY, w.ownExpiry)).key().id();
            w.ownNoExpiry = keys.create(store.admin, NewKey.forUser(me, "own, no expiry", null, null, null)).key().id();
            w.ownSelfDisabled = keys.create(store.admin, NewKey.forUser(me, "own, disabled by me", null, null, null)).key().id();
            keys.disable(w.actor, w.ownSelfDisabled);
            w.ownAdminDisabled = keys.create(store.admin, NewKey.forUser(me, "own, disabled by admin", null, null, null)).key().id();
            keys.disable(store.admin, w.ownAdminDisabled);
            w.site = store.siteKey("site").key().id();
            w.siteDisabled = store.siteKey("site, disabled").key().id();
            keys.disable(store.admin, w.siteDisabled);
            w.others = keys.create(store.admin, NewKey.forUser("carol", "carol's", null, null, w.ownExpiry)).key().id();
            w.othersDisabled = keys.create(store.admin, NewKey.forUser("carol", "carol's, disabled", null, null, null)).key().id();
            keys.disable(store.admin, w.othersDisabled);
            return w;
        }

        KeyService keys() {
            return store.services.keys();
        }

        Instant now() {
            return store.clock.instant();
        }
    }
}
