package com.keydesk.ui.robot;

import com.keydesk.domain.IssuedKey;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.FxDialogService;
import com.keydesk.ui.FxSecretClipboard;
import com.keydesk.ui.keys.copy.CopyNowView;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy-now window lets go of the secret, and the clipboard is cleared after the (injected) delay. */
class CopyNowForgetsTheSecretRobotTest extends FxRobot {
    @TempDir
    Path dir;
    private TestStore store;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        store = TestStore.in(dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void afterTheWindowClosesNothingReferencesTheSecretAndTheClipboardIsCleared() throws Exception {
        FxSecretClipboard clipboard = new FxSecretClipboard(() -> Duration.ofMillis(300));
        WeakReference<String> secret = openCopyNow(clipboard);

        clickOn("#copyButton");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().hasString()).get()).isTrue();
        clickOn("#acknowledge");
        clickOn("#doneButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () ->
                !WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().hasString()).get());

        for (int i = 0; i < 50 && secret.get() != null; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
            Thread.sleep(50);
        }
        assertThat(secret.get()).as("the secret is still reachable after the window closed").isNull();
    }

    @Test
    void theClipboardIsLeftAloneWhenItNoLongerHoldsTheSecret() throws Exception {
        FxSecretClipboard clipboard = new FxSecretClipboard(() -> Duration.ofMillis(300));
        openCopyNow(clipboard);
        clickOn("#copyButton");
        WaitForAsyncUtils.asyncFx(() -> {
            var content = new javafx.scene.input.ClipboardContent();
            content.putString("something the person copied since");
            Clipboard.getSystemClipboard().setContent(content);
        }).get();
        clickOn("#acknowledge");
        clickOn("#doneButton");
        Thread.sleep(600);
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo("something the person copied since");
    }

    /** Opens the window (it blocks in its own nested loop) and returns a weak handle on the secret text. */
    private WeakReference<String> openCopyNow(FxSecretClipboard clipboard) {
        IssuedKey issued = store.siteKey("CI deploy");
        WeakReference<String> secret = new WeakReference<>(issued.secret().reveal());
        CopyNowViewModel vm = new CopyNowViewModel(issued, clipboard, new FxDialogService(() -> null), store.clock);
        Platform.runLater(() -> CopyNowView.showAndWait(null, vm));
        WaitForAsyncUtils.waitForFxEvents();
        return secret;
    }
}
