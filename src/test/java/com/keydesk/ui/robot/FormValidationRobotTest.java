package com.keydesk.ui.robot;

import com.keydesk.service.InputRules;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.FieldDecorations;
import com.keydesk.ui.Messages;
import javafx.scene.control.Control;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every signed-in form marks the field a sentence is about (ControlsFX decoration, AtlantaFX
 * danger outline) with the sentence the service's rule gives, and the mark goes when the value is fixed.
 */
class FormValidationRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.siteKey("CI deploy");
    }

    @Test
    void newKey() {
        signInAsAdmin();
        clickOn("#newKeyButton");
        clickOn("#nameField").write("x");
        assertClear("#nameField");
        type(KeyCode.BACK_SPACE);
        assertMarked("#nameField", InputRules.keyNameProblem("").orElseThrow());
        assertClear("#descriptionField");
        write("Build server");
        assertClear("#nameField");
        clickDialogButton("Cancel");
    }

    @Test
    void editKey() {
        signInAsAdmin();
        selectKey("CI deploy");
        clickOn("#detailsButton");
        replaceText("#detailsName", "");
        assertMarked("#detailsName", InputRules.keyNameProblem("").orElseThrow());
        write("CI deploy");
        assertClear("#detailsName");
        clickDialogButton("Close");
    }

    @Test
    void addUser() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        clickOn("#addUserButton");
        clickOn("#newUsernameField").write("carol smith");
        assertMarked("#newUsernameField", InputRules.usernameProblem("carol smith").orElseThrow());
        replaceText("#newUsernameField", "carol");
        assertClear("#newUsernameField");
        clickOn("#newPasswordField").write("carol password 1");
        clickOn("#newRepeatField").write("carol password 2");
        assertMarked("#newRepeatField", Messages.get("setup.error.repeat"));
        replaceText("#newRepeatField", "carol password 1");
        assertClear("#newRepeatField");
        clickDialogButton("Cancel");
    }

    @Test
    void changePassword() {
        signInAsAdmin();
        clickOn("#userMenu");
        clickOn("#changePasswordItem");
        clickOn("#currentPasswordField").write("not my password");
        clickOn("#newPasswordField").write("a new password 1");
        clickOn("#repeatPasswordField").write("a new password 1");
        clickOn("#changePasswordButton");
        WaitForAsyncUtils.waitForFxEvents();
        // the service's sentence for a wrong current password, on that field
        String said = FieldDecorations.shownOn(field("#currentPasswordField"));
        assertThat(said).isNotBlank();
        assertMarked("#currentPasswordField", said);
        clickOn("#currentPasswordField").write(TestStore.ADMIN_PASSWORD);
        assertClear("#currentPasswordField");
        clickDialogButton("Cancel");
    }

    @Test
    void teamStoreDialog() {
        clickOn("#openTeamStoreLink");
        replaceText("#portField", "99999");
        assertMarked("#portField", Messages.get("teamStore.error.port"));
        replaceText("#portField", "5432");
        assertClear("#portField");
        clickDialogButton("Cancel");
    }

    private Control field(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(query).queryAs(Control.class);
    }

    private void assertMarked(String query, String sentence) {
        Control field = field(query);
        assertThat(FieldDecorations.shownOn(field)).as("the sentence on " + query).isEqualTo(sentence);
        assertThat(FieldDecorations.isMarked(field)).as(query + " is marked").isTrue();
    }

    private void assertClear(String query) {
        Control field = field(query);
        assertThat(FieldDecorations.shownOn(field)).as("the sentence on " + query).isEmpty();
        assertThat(FieldDecorations.isMarked(field)).as(query + " is marked").isFalse();
    }
}
