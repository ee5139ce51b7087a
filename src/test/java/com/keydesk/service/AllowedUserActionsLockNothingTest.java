package com.keydesk.service;

import com.keydesk.domain.UserActionsAllowed;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.keydesk.store.generated.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking what may be done to a user is a question: it must not wait for, or take, the locks a
 * change of role takes (the users screen asks at every selection, while another administrator may
 * be promoting someone). On both engines.
 */
class AllowedUserActionsLockNothingTest {
    @TempDir
    Path temp;

    @Test
    void askingAnswersWhileAnotherTransactionHoldsTheAdministratorsLocked() throws Exception {
        try (TestStore store = TestStore.in(temp)) {
            store.addUser("bob");
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> store.db.inTransaction(cfg -> {
                cfg.dsl().selectFrom(APP_USER).where(APP_USER.IS_ADMIN.isTrue()).forUpdate().fetch();
                locked.countDown();
                await(release);
                return null;
            }));
            try {
                assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
                UserActionsAllowed allowed = CompletableFuture.supplyAsync(
                        () -> store.services.users().allowedActions(store.admin, TestStore.ADMIN)).get(30, TimeUnit.SECONDS);

                assertThat(allowed.role().refused()).isTrue();
                assertThat(allowed.role().reason()).contains("last active administrator");
            } finally {
                release.countDown();
                holder.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
