package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class UsersRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Bob laptop", null, PermissionSet.DESKTOP_APP, null));
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Bob sync", null, PermissionSet.SYNC_APP, null));
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Bob phone", null, PermissionSet.MOBILE_APP, null));
    }

    private User user(String username) {
        return this.<User>rowsOf("#userTable").stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private void selectUser(String username) {
        selectRow("#userTable", item -> item instanceof User u && u.username().equals(username));
    }

    @Test
    void keysMadeWhileAnotherSectionShowedAreCountedWhenTheUsersShowAgain() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        assertThat(user("bob").keyCount()).isEqualTo(3);
        clickOn("#nav-USER_KEYS");
        asAnotherPerson(() -> app.services().keys().create(app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()),
                NewKey.forUser("bob", "Bob tablet", null, PermissionSet.MOBILE_APP, null)));
        clickOn("#nav-USERS");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(user("bob").keyCount()).isEqualTo(4);
        selectUser("bob");
        clickOn("#activeButton");
        assertThat(dialogPane().getContentText()).contains("their 4 keys stop working");
        clickDialogButton("Cancel");
        assertNothingUncaught();
    }

    @Test
    void addAUserThenMakeThemAdministratorAfterSeeingTheirKeys() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        clickOn("#addUserButton");
        assertThat(stage.getIcons()).hasSize(8); // the app icon in every size, on every window
        assertThat(((javafx.stage.Stage) lookup("#newUsernameField").query().getScene().getWindow()).getIcons()).hasSize(8);
        clickOn("#newUsernameField").write("carol smith");
        assertThat(lookup("#newUsernameError").queryLabeled().getText()).contains("only letters, digits");
        assertThat(lookup("#addUserConfirm").queryButton().isDisabled()).isTrue();
        eraseText(6);
        clickOn("#newDisplayNameField").write("Carol Smith");
        clickOn("#newPasswordField").write("carol password 1");
        clickOn("#newRepeatField").write("carol password 2");
        assertThat(lookup("#newRepeatError").queryLabeled().getText()).isEqualTo("The two passwords are not the same.");
        eraseText(1).write("1");
        clickOn("#addUserConfirm");
        assertThat(user("carol").displayName()).isEqualTo("Carol Smith");
        assertThat(user("carol").admin()).isFalse();

        app.services().keys().create(app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()),
                NewKey.forUser("carol", "Carol CI", null, PermissionSet.FILES_ONLY, null));
        clickOn("#refreshUsersButton");
        selectUser("carol");
        assertThat(lookup("#adminButton").queryButton().getText()).isEqualTo("Make administrator");
        clickOn("#adminButton");
        assertThat(dialogPane().getHeaderText()).isEqualTo("Make carol an administrator?");
        assertThat(dialogPane().getContentText()).contains("Their key gains full site power").contains("Carol CI");
        assertThat(((javafx.stage.Stage) dialogPane().getScene().getWindow()).getIcons()).hasSize(8);
        clickDialogButton("Make administrator");
        assertThat(user("carol").admin()).isTrue();
        assertThat(lookup("#adminButton").queryButton().getText()).isEqualTo("Remove administrator");
    }

    @Test
    void deactivatingSaysHowManyKeysStopWorkingAndCancelChangesNothing() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        assertThat(user("bob").keyCount()).isEqualTo(3);
        selectUser("bob");
        clickOn("#activeButton");
        assertThat(dialogPane().getHeaderText()).isEqualTo("Deactivate bob?");
        assertThat(dialogPane().getContentText()).contains("their 3 keys stop working");
        clickDialogButton("Cancel");
        assertThat(user("bob").active()).isTrue();
        clickOn("#activeButton");
        clickDialogButton("Deactivate");
        assertThat(user("bob").active()).isFalse();
        assertThat(lookup("#activeButton").queryButton().getText()).isEqualTo("Activate");
        signOut();
        signIn("bob", "bob password 123");
        assertThat(lookup("#signInError").queryLabeled().getText()).isNotEmpty();
    }

    @Test
    void theLastAdministratorCannotBeDeactivatedAndTheServiceSaysWhy() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        selectUser("alice");
        // the service's answer, asked ahead: the action is not offered, and its sentence says why
        assertThat(lookup("#activeButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#activeButton").queryButton().getAccessibleHelp())
                .isEqualTo("alice is the last active administrator and cannot be deactivated.");
        assertThat(user("alice").active()).isTrue();
    }
}
