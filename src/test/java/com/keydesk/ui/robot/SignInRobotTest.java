package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRobotTest extends AppRobotTest {
    @Test
    void aWrongPasswordShowsTheSentenceAndTheRightOneOpensTheMainWindow() {
        assertThat(stage.getTitle()).contains("KeyDesk");
        signIn(TestStore.ADMIN, "wrong password here");
        assertThat(lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo("Sign-in failed: the username or password is wrong.");
        assertThat(lookup("#passwordField").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(lookup("#passwordField").queryAs(PasswordField.class).isFocused())
                .as("the caret waits in the password field for the next try").isTrue();

        write(TestStore.ADMIN_PASSWORD);   // no click: typed where the focus is
        type(javafx.scene.input.KeyCode.ENTER);
        assertThat(lookup("#signedInUser").queryAs(Label.class).getText()).contains("alice");

        clickOn("#signOutButton");
        assertThat(lookup("#signInButton").tryQuery()).isPresent();
    }

    @Test
    void theSignInScreenNamesTheSite() {
        assertThat(lookup("#startHeading").queryAs(Label.class).getText()).isEqualTo("Sign in to Acme");
    }
}
