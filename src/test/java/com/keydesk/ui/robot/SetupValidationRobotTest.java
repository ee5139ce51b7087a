package com.keydesk.ui.robot;

import com.keydesk.service.InputRules;
import com.keydesk.ui.FieldDecorations;
import javafx.scene.control.Control;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** First-start setup marks the site name with the service's sentence, and clears it when fixed. */
class SetupValidationRobotTest extends AppRobotTest {
    @Override
    protected boolean createStore() {
        return false;
    }

    @Test
    void siteName() {
        clickOn("#siteNameField").write("A");
        type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Control site = lookup("#siteNameField").queryAs(Control.class);
        assertThat(FieldDecorations.shownOn(site)).isEqualTo(InputRules.siteNameProblem("").orElseThrow());
        assertThat(FieldDecorations.isMarked(site)).isTrue();
        write("Acme Files");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FieldDecorations.shownOn(site)).isEmpty();
        assertThat(FieldDecorations.isMarked(site)).isFalse();
    }

    @Test
    void displayNameIsMarkedWithTheServiceSentenceAsInAddUser() {
        String tooLong = "x".repeat(500);
        interact(() -> lookup("#displayNameField").queryAs(javafx.scene.control.TextField.class).setText(tooLong));
        WaitForAsyncUtils.waitForFxEvents();
        Control display = lookup("#displayNameField").queryAs(Control.class);
        assertThat(FieldDecorations.shownOn(display)).isEqualTo(InputRules.displayNameProblem(tooLong).orElseThrow());
        assertThat(FieldDecorations.isMarked(display)).isTrue();
        interact(() -> lookup("#displayNameField").queryAs(javafx.scene.control.TextField.class).setText("Alice"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FieldDecorations.shownOn(display)).isEmpty();
        assertThat(FieldDecorations.isMarked(display)).isFalse();
    }
}
