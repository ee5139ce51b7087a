package com.keydesk.ui.robot;

import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.WorkerThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard the robot suite relies on: it sees a service call on the JavaFX thread, and only that. */
class FxThreadGuardTest {

    @Test
    void recordsACallOnTheFxThreadButNotOneMadeThroughTheTaskRunner() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxThreadGuard guard = new FxThreadGuard();
        try (TestStore store = TestStore.in(Files.createTempDirectory("keydesk-guard"));
             WorkerThreadTaskRunner runner = new WorkerThreadTaskRunner()) {
            Services services = guard.guard(store.services);
            Session admin = store.admin;

            FxToolkit.setupFixture(() -> new BackgroundWork(runner, sentence -> { })
                    .task(() -> services.site().site(admin)).start());
            services.users().list(admin);   // the test's own thread: fine
            assertThat(guard.callsOnFxThread()).isEmpty();

            FxToolkit.setupFixture(() -> services.users().list(admin));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(guard.callsOnFxThread()).singleElement().asString()
                    .startsWith("UserService.list");
        }
    }
}
