package com.keydesk.ui.robot;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Dialogs grow for the sentences that appear in them, so none is cut. */
class DialogsGrowRobotTest extends AppRobotTest {
    /** Every visible label of the dialog now showing is as tall as its wrapped text and inside the window. */
    private void assertEveryLabelWhole() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);   // a layout pulse for the window to follow
        for (Node n : lookup((Node n) -> n instanceof Label l && l.isVisible() && l.getScene() != stage.getScene()
                && !l.getText().isEmpty()).queryAll()) {
            Label label = (Label) n;
            if (!isShown(label)) {
                continue;
            }
            Scene scene = label.getScene();
            assertThat(label.getHeight()).as("height of \"%s\"", label.getText())
                    .isGreaterThanOrEqualTo(label.prefHeight(label.getWidth()) - 0.5);
            assertThat(label.localToScene(label.getBoundsInLocal()).getMaxY()).as("bottom of \"%s\"", label.getText())
                    .isLessThanOrEqualTo(scene.getHeight() + 0.5);
        }
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void assertInsideWindow(String query) {
        Node node = lookup(query).query();
        assertThat(node.localToScene(node.getBoundsInLocal()).getMaxY()).as(query)
                .isLessThanOrEqualTo(node.getScene().getHeight() + 0.5);
    }

    @Test
    void theSiteKeyWarningIsShownWhole() {
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("CI");
        assertThat(lookup("#powerWarning").query().isVisible()).isTrue();
        assertEveryLabelWhole();
        assertInsideWindow("#createButton");
        clickDialogButton("Cancel");
    }

    @Test
    void theAddUserHintsAreShownWhole() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        clickOn("#addUserButton");
        clickOn("#newUsernameField").write("carol smith");   // a space: a sentence under the field
        clickOn("#newDisplayNameField").write("Carol");
        clickOn("#newPasswordField").write("short");
        clickOn("#newRepeatField").write("other");
        assertEveryLabelWhole();
        assertInsideWindow("#addUserConfirm");
        clickDialogButton("Cancel");
    }

    @Test
    void aPastDateTypedInNewKeyIsExplainedBesideTheField() {
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("CI");
        clickOn("#expiryField");
        clickOn("On a date…");
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).minusDays(1);
        DatePicker date = lookup("#expiryDate").queryAs(DatePicker.class);
        replaceText("#expiryDate .text-field", date.getConverter().toString(yesterday));
        type(KeyCode.TAB);
        assertThat(lookup(".field-error").match((Node n) -> n.isVisible()).queryLabeled().getText())
                .isEqualTo("The expiry date must be in the future.");
        assertThat(lookup("#createButton").queryButton().isDisabled()).isTrue();
        assertEveryLabelWhole();
        assertInsideWindow("#createButton");
        clickDialogButton("Cancel");
    }
}
