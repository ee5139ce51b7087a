package com.keydesk.ui;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** "Clipboard cleared" is said when the delay took the secret off the clipboard, and only then. */
class ClipboardClearedConfirmationTest {
    private final AtomicInteger said = new AtomicInteger();
    private FxSecretClipboard clipboard;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        clipboard = new FxSecretClipboard(() -> Duration.ofMillis(200), said::incrementAndGet);
    }

    private boolean clipboardHasText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().hasString()).get();
    }

    @Test
    void clearingOnTimeIsConfirmedOnce() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> clipboard.copySecret("kd_test_secret")).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !clipboardHasText());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(said).hasValue(1);
    }

    @Test
    void nothingIsSaidWhenThePersonCopiedSomethingElseMeanwhile() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            clipboard.copySecret("kd_test_secret");
            ClipboardContent other = new ClipboardContent();
            other.putString("something the person copied since");
            Clipboard.getSystemClipboard().setContent(other);
        }).get();
        Thread.sleep(600);   // past the delay: the clear ran and found another text
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboardHasText()).isTrue();
        assertThat(said).hasValue(0);
    }

    @Test
    void clearingOnLeavingTheWindowIsNotAnnounced() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            clipboard.copySecret("kd_test_secret");
            clipboard.clearIfStillHoldsSecret();
        }).get();
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboardHasText()).isFalse();
        assertThat(said).hasValue(0);
    }
}
