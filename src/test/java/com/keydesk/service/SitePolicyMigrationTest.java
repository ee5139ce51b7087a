package com.keydesk.service;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store made before schema 5 had its site row bound to the audit chain without the two
 * settings; migrating it must not make that row look changed outside KeyDesk (a migration cannot
 * append audit entries), and it gets the least-privileged default.
 */
class SitePolicyMigrationTest {
    @TempDir
    Path temp;

    @Test
    void aStoreFromBeforeTheSettingsMigratesWithItsSiteStillBoundAndTheFirstDefaults() {
        try (TestStore store = TestStore.in(temp)) {
            store.addUser("bob");
            store.allowUsersToCreateKeys(true);   // an audit entry binding the site row as it is
            // as the store looked at schema 4: no settings columns, no V5 (or V6, V7) history row
            store.db.autoCommitted(dsl -> {
                dsl.connection(com.keydesk.store.UndoV7::undo);
                dsl.execute("ALTER TABLE app_user DROP COLUMN must_change_password");
                dsl.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '6'");
                dsl.execute("ALTER TABLE site DROP CONSTRAINT site_max_key_lifetime_positive");
                dsl.execute("ALTER TABLE site DROP COLUMN max_key_lifetime_days");
                dsl.execute("ALTER TABLE site DROP COLUMN default_permission_set");
                return dsl.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '5'");
            });
        }

        try (TestStore store = TestStore.reopen(temp)) {
            AuditVerification verified = store.services.audit().verify(store.admin);
            assertThat(verified.intact()).as(verified.message()).isTrue();
            Site site = store.services.site().site(store.admin);
            assertThat(site.usersCanCreateApiKeys()).isTrue();
            assertThat(site.defaultPermissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
            assertThat(site.maxKeyLifetimeDays()).isNull();
            Session bob = store.services.auth().signIn("bob", "bob password 123".toCharArray());
            assertThat(store.services.keys().create(bob, NewKey.forUser("bob", "after", null, null, null)).key()
                    .permissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
        }
    }
}
