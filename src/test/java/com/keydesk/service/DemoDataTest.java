package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataTest {
    @TempDir
    Path temp;

    @Test
    void fillsAStoreWithAMixOfKeysAndUsers() {
        try (TestStore store = TestStore.in(temp)) {
            store.services.demoData().fill(store.admin, 300, 10);
            List<ApiKey> keys = store.services.keys().list(store.admin);
            assertThat(keys).hasSize(300);
            assertThat(keys).anyMatch(k -> k.userId() == null).anyMatch(k -> k.userId() != null);
            assertThat(keys.stream().map(k -> k.status(store.clock.instant()))).contains(KeyStatus.ACTIVE,
                    KeyStatus.DISABLED, KeyStatus.EXPIRED);
            assertThat(store.services.users().list(store.admin)).hasSize(11);
            assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
        }
    }

    /** Benchmarks compare stores filled on different days: the same size gives the same mix of keys. */
    @Test
    void twoFillsOfTheSameSizeMakeTheSameMix() {
        assertThat(mixOf(temp.resolve("a"))).isEqualTo(mixOf(temp.resolve("b")));
    }

    private static List<String> mixOf(Path folder) {
        try (TestStore store = TestStore.in(folder)) {
            store.services.demoData().fill(store.admin, 4_000, 10);
            return store.services.keys().list(store.admin).stream()
                    .map(k -> k.name() + "|" + k.ownerUsername() + "|" + k.permissionSet() + "|" + k.description()
                            + "|" + (k.expiresAt() == null ? "never" : k.expiresAt().isBefore(store.clock.instant())))
                    .sorted().toList();
        }
    }

    /** More rows than one chunk of appended entries: each is bound, and the chain holds across chunks. */
    @Test
    void everyDemoRowIsBoundToTheAuditChainAcrossChunks() {
        try (TestStore store = TestStore.in(temp)) {
            store.services.demoData().fill(store.admin, 6_000, 20);

            AuditVerification result = store.services.audit().verify(store.admin);
            assertThat(result.intact()).as(result.message()).isTrue();
            assertThat(result.entriesChecked()).isGreaterThan(6_020);
        }
    }

    @Test
    void refusesAStoreThatHoldsRealKeys() {
        try (TestStore store = TestStore.in(temp)) {
            store.siteKey("A real key");
            assertThatThrownBy(() -> store.services.demoData().fill(store.admin, 10, 1))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("holds real keys");
            assertThat(store.services.keys().list(store.admin)).hasSize(1);
        }
    }

    @Test
    void aSecondFillIsAllowedButANonAdministratorIsRefused() {
        try (TestStore store = TestStore.in(temp)) {
            store.services.demoData().fill(store.admin, 5, 1);
            store.services.demoData().fill(store.admin, 5, 1);
            assertThat(store.services.keys().list(store.admin)).hasSize(10);
            Session bob = store.addUser("bob");
            assertThatThrownBy(() -> store.services.demoData().fill(bob, 5, 1)).isInstanceOf(PermissionDeniedException.class);
        }
    }
}
