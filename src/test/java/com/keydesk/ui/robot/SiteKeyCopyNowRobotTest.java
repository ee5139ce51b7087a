package com.keydesk.ui.robot;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class SiteKeyCopyNowRobotTest extends AppRobotTest {
    @Test
    void aSiteKeyIsCreatedAndItsSecretCopiedOnceThroughCopyNow() throws Exception {
        signInAsAdmin();
        clickOn("#newKeyButton");
        assertThat(lookup("#createButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#powerWarning").query().isVisible()).isTrue();
        clickOn("#nameField").write("CI deploy");
        clickOn("#createButton");

        Button done = lookup("#doneButton").queryButton();
        assertThat(done.isDisabled()).isTrue();
        String secret = lookup("#secretField").queryAs(TextField.class).getText();
        assertThat(secret).startsWith("kd");

        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        clickDialogButton("Cancel");
        assertThat(lookup("#doneButton").tryQuery()).isPresent();

        clickOn("#copyButton");
        assertThat(lookup("#copyButton").queryButton().getText()).isEqualTo("Copied");
        String onClipboard = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(onClipboard).isEqualTo(secret);

        clickOn("#acknowledge");
        assertThat(done.isDisabled()).isFalse();
        clickOn("#doneButton");
        assertThat(lookup("#doneButton").tryQuery()).isEmpty();
        assertThat(visibleKeys()).extracting(r -> r.name()).containsExactly("CI deploy");

        // Leaving clears the clipboard because it still holds the key.
        WaitForAsyncUtils.asyncFx(() -> app.shutdown(() -> { })).get().join();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().hasString()).get()).isFalse();
    }
}
