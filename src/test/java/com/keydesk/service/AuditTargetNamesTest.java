package com.keydesk.service;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit page's names for targets, read through the service on both engines (store/TargetNames). */
class AuditTargetNamesTest {
    @TempDir
    Path temp;
    private TestStore store;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void keysAndUsersAreNamedARevokedKeyByTheNameItLastHad() {
        Session bob = store.addUser("bob");
        IssuedKey kept = store.siteKey("Deploy");
        IssuedKey gone = store.siteKey("Old export");
        store.services.keys().update(store.admin, gone.key().id(), new KeyEdit("Reporting export", null, null, false));
        store.services.keys().revoke(store.admin, gone.key().id());

        Map<String, String> names = store.services.audit().targetNames(store.admin, StoreSnapshot.audit(store));

        assertThat(names).containsEntry("api_key:" + kept.key().id(), "Deploy")
                .containsEntry("api_key:" + gone.key().id(), "Reporting export")
                .containsEntry("user:" + bob.userId(), "bob");
    }

    @Test
    void onlyAnAdministratorMayAsk() {
        Session bob = store.addUser("bob");
        assertThatThrownBy(() -> store.services.audit().targetNames(bob, StoreSnapshot.audit(store)))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
