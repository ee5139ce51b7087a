package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.keys.inactive.InactiveRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A non-administrator's inactive keys: their own, revoked by whoever revoked them; no one else's. */
class InactiveKeysOfANonAdministratorRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.addUser("carol");
        var keys = store.services.keys();
        keys.revoke(store.admin, keys.create(store.admin,
                NewKey.forUser("bob", "Bob old laptop", null, PermissionSet.DESKTOP_APP, null)).key().id());
        keys.revoke(store.admin, keys.create(store.admin,
                NewKey.forUser("carol", "Carol old phone", null, PermissionSet.MOBILE_APP, null)).key().id());
        keys.revoke(store.admin, store.siteKey("Old deploy").key().id());
    }

    @Test
    void bobSeesOnlyHisOwnRevokedKey() {
        signIn("bob", "bob password 123");
        clickOn("#inactiveButton");
        assertThat(this.<InactiveRow>rowsOf("#inactiveTable")).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Bob old laptop");
            assertThat(row.by()).isEqualTo(TestStore.ADMIN);
        });
        clickOn("#inactiveClose");
        assertNothingUncaught();
    }
}
