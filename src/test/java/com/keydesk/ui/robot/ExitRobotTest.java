package com.keydesk.ui.robot;

import com.keydesk.service.Services;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leaving the app closes the store (JDBC, and maybe an H2 compaction) on a thread of its own,
 * after the background work, never on the JavaFX thread: the window does not hang while it
 * closes, and the JVM, which waits for non-daemon threads, does not exit before the store is closed.
 */
class ExitRobotTest extends AppRobotTest {
    @Test
    void theStoreIsClosedOffTheJavaFxThreadOnAThreadTheJvmWaitsFor() throws Exception {
        Services services = app.services();
        assertThat(services).as("the store is open").isNotNull();
        CountDownLatch workRunning = new CountDownLatch(1);
        CountDownLatch workMayEnd = new CountDownLatch(1);

        try {
            // the JavaFX thread returns while background work is still running: it waits for nothing
            Thread closing = WaitForAsyncUtils.asyncFx(() -> app.shutdown(() -> {
                workRunning.countDown();
                await(workMayEnd);
            })).get(10, TimeUnit.SECONDS);

            assertThat(workRunning.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(closing.isDaemon()).as("the JVM waits for it").isFalse();
            assertThat(closing.getName()).isEqualTo("keydesk-store-close");
            assertThat(services.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()))
                    .as("the store stays open while background work runs").isNotNull();

            workMayEnd.countDown();
            closing.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(closing.isAlive()).isFalse();
            assertThatThrownBy(() -> services.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()))
                    .as("closed after it").isInstanceOf(RuntimeException.class);
        } finally {
            workMayEnd.countDown();   // never leave the app's close waiting, even when a check failed
        }
        assertNothingUncaught();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
