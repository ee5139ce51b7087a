package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePasswordRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
    }

    @Test
    void aUserChangesTheirPasswordFromTheUserMenuThenSignsInWithIt() {
        signIn("bob", "bob password 123");
        clickOn("#userMenu");
        clickOn("#changePasswordItem");
        clickOn("#currentPasswordField").write("wrong password!!");
        clickOn("#newPasswordField").write("bob new password 1");
        clickOn("#repeatPasswordField").write("bob new password 1");
        clickOn("#changePasswordButton");
        assertThat(lookup("#currentPasswordError").queryLabeled().getText()).isEqualTo("The current password is wrong.");

        clickOn("#currentPasswordField").write("bob password 123");
        clickOn("#changePasswordButton");
        assertThat(dialogPane().getHeaderText()).isEqualTo("Password changed");
        clickDialogButton("OK");
        assertThat(lookup("#currentPasswordField").tryQuery()).isEmpty();

        signOut();
        signIn("bob", "bob password 123");
        assertThat(lookup("#signInError").queryLabeled().getText()).isNotEmpty();
        replaceText("#usernameField", "");
        signIn("bob", "bob new password 1");
        assertThat(lookup("#signedInUser").queryLabeled().getText()).isEqualTo("Signed in as bob");
    }
}
