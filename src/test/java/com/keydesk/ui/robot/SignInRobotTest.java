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

        clickOn("#passwordField").write(TestStore.ADMIN_PASSWORD);
        clickOn("#signInButton");
        assertThat(lookup("#signedInUser").queryAs(Label.class).getText()).contains("alice");

        clickOn("#signOutButton");
        assertThat(lookup("#signInButton").tryQuery()).isPresent();
    }
}
