package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.StoreException;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.Database;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Moving a store to a team store: a backup of a local H2 store restored into an empty PostgreSQL
 * database keeps every user, key and audit entry; a tampered backup is refused and leaves the
 * database as empty as it was; a database that already holds a store is never restored over.
 */
class TeamStoreRestoreTest {
    private static final String PASSWORD = "alice's long password";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock();
    private StoreCreation.Created local;

    @BeforeEach
    void aLocalStoreWithUsersKeysAndHistory() {
        assumeTrue(TestEngine.postgresql(), "PostgreSQL only: restoring into a team store");
        local = StoreCreation.create(new StoreAddress.Local(dir.resolve("local")), "Acme", "alice", PASSWORD.toCharArray(),
                db -> Services.over(db, TestStore.CHEAP, clock, new SecureRandom()));
    }

    @AfterEach
    void closeLocal() {
        if (local != null) {
            local.db().close();
        }
    }

    @Test
    void aLocalStoreMovesIntoAnEmptyTeamStoreWithEveryKeyVerifyingAndItsChainIntact() {
        Services services = local.services();
        Session alice = local.session();
        services.users().add(alice, "bob", "Bob", false, "bob's long password".toCharArray());
        IssuedKey site = services.keys().create(alice, NewKey.site("Deploy", "CI", null));
        IssuedKey bobs = services.keys().create(alice, NewKey.forUser("bob", "Sync", null, PermissionSet.SYNC_APP,
                clock.instant().plus(Duration.ofDays(30))));
        IssuedKey off = services.keys().create(alice, NewKey.site("Old job", null, null));
        services.keys().disable(alice, off.key().id());
        List<ApiKey> keys = services.keys().list(alice);
        List<User> users = services.users().list(alice);
        Path zip = backup();

        TeamStore team = emptyTeamStore();
        TeamStoreRestore.restore(team, zip, clock);

        try (Database db = Database.open(team)) {
            Services moved = Services.over(db, TestStore.CHEAP, clock, new SecureRandom());
            Session admin = moved.auth().signIn("alice", PASSWORD.toCharArray());
            assertThat(moved.keys().list(admin)).isEqualTo(keys);
            assertThat(moved.users().list(admin)).isEqualTo(users);
            assertThat(moved.site().site(admin).name()).isEqualTo("Acme");
            assertThat(moved.verifier().verify(site.secret().reveal()).id()).isEqualTo(site.key().id());
            assertThat(moved.verifier().verify(bobs.secret().reveal()).id()).isEqualTo(bobs.key().id());
            assertThatThrownBy(() -> moved.verifier().verify(off.secret().reveal()))
                    .isInstanceOf(com.keydesk.domain.KeyRejectedException.class);
            AuditVerification verified = moved.audit().verify(admin);
            assertThat(verified.intact()).as(verified.message()).isTrue();
            assertThat(moved.audit().entries(admin).getLast().action()).isEqualTo("store.restored");
            IssuedKey fresh = moved.keys().create(admin, NewKey.site("New", null, null));
            assertThat(fresh.key().id()).isGreaterThan(off.key().id());
        }
    }

    @Test
    void aUserMadeAdministratorWithTheChecksumsRedoneIsRefusedAndTheDatabaseLeftEmpty() throws Exception {
        local.services().users().add(local.session(), "mallory", null, false, "mallory's long password".toCharArray());
        Map<String, String> entries = BackupZips.read(backup());
        entries.put("users.jsonl", entries.get("users.jsonl").replace(
                "\"username\":\"mallory\",\"username_key\":\"mallory\",\"display_name\":null,\"is_admin\":false",
                "\"username\":\"mallory\",\"username_key\":\"mallory\",\"display_name\":null,\"is_admin\":true"));
        BackupZips.resum(entries, "users.jsonl");
        assertRefusedAndLeftEmpty(BackupZips.write(dir.resolve("edited.zip"), entries), "was changed outside KeyDesk");
    }

    @Test
    void aRewrittenAuditEntryIsRefusedAndTheDatabaseLeftEmpty() throws Exception {
        Map<String, String> entries = BackupZips.read(backup());
        entries.put("audit.jsonl", entries.get("audit.jsonl").replace("administrator (first)", "administrator (second)"));
        BackupZips.resum(entries, "audit.jsonl");
        assertRefusedAndLeftEmpty(BackupZips.write(dir.resolve("edited.zip"), entries), "was changed after it was written");
    }

    @Test
    void aTeamStoreThatAlreadyHoldsAStoreIsNeverRestoredOver() {
        Path zip = backup();
        try (TestStore existing = TestStore.in(dir.resolve("existing"))) {
            existing.siteKey("Theirs");
            TeamStore team = (TeamStore) existing.db.address();

            assertThatThrownBy(() -> TeamStoreRestore.restore(team, zip, clock)).isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.ALREADY_EXISTS);
            assertThat(existing.services.keys().list(existing.admin)).extracting(ApiKey::name).containsExactly("Theirs");
            assertThat(existing.services.audit().verify(existing.admin).intact()).isTrue();
        }
    }

    private Path backup() {
        Path zip = dir.resolve("local-" + System.nanoTime() + ".zip");
        local.services().backups().backup(local.session(), zip);
        return zip;
    }

    private TeamStore emptyTeamStore() {
        return (TeamStore) TestStore.newAddress(dir.resolve("team-" + System.nanoTime()));
    }

    private void assertRefusedAndLeftEmpty(Path zip, String because) {
        TeamStore team = emptyTeamStore();
        assertThatThrownBy(() -> TeamStoreRestore.restore(team, zip, clock)).isInstanceOf(ValidationException.class)
                .hasMessageContaining(because);
        assertThat(PgCluster.get().psql(team.address().database(),
                "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'"))
                .as("relations left in the database").isEqualTo("0");
        assertThat(Database.exists(team)).isFalse();
    }
}
