package com.keydesk.ui.robot;

import com.keydesk.domain.User;
import com.keydesk.domain.UserActionsAllowed;
import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Resetting a password, renaming, searching, and actions the service would refuse shown disabled with its reason. */
class UserAdministrationRobotTest extends AppRobotTest {
    private static final String TEMPORARY = "temporary password 42";

    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.addUser("carol");
        store.services.users().setActive(store.admin, "carol", false);
    }

    private User user(String username) {
        return this.<User>rowsOf("#userTable").stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private void selectUser(String username) {
        selectRow("#userTable", item -> item instanceof User u && u.username().equals(username));
    }

    private UserActionsAllowed serviceSays(String username) {
        Session admin = app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
        return app.services().users().allowedActions(admin, username);
    }

    @Test
    void anAdministratorResetsAPasswordAndTheUserMustChooseANewOneAtSignIn() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        selectUser("bob");
        clickOn("#resetPasswordButton");
        // the fields reach the dialog's right edge, where its buttons end (they were 150 px wide)
        for (String field : List.of("#resetPasswordField", "#resetRepeatField")) {
            javafx.scene.Node node = lookup(field).query();
            javafx.scene.Node confirm = lookup("#resetPasswordConfirm").query();
            assertThat(node.localToScene(node.getBoundsInLocal()).getMaxX()).as(field + " right edge")
                    .isCloseTo(confirm.localToScene(confirm.getBoundsInLocal()).getMaxX(), org.assertj.core.data.Offset.offset(2.0));
        }
        clickOn("#resetPasswordField").write(TEMPORARY);
        clickOn("#resetRepeatField").write(TEMPORARY);
        clickOn("#resetPasswordConfirm");
        assertThat(dialogPane().getContentText()).isEqualTo("bob must choose a new password at their next sign-in.");
        clickDialogButton("OK");
        assertThat(user("bob").mustChangePassword()).isTrue();
        signOut();

        signIn("bob", TEMPORARY);
        assertThat(dialogPane().getHeaderText()).isEqualTo("Choose a new password");
        clickDialogButton("OK");
        clickOn("#currentPasswordField").write(TEMPORARY);
        clickOn("#newPasswordField").write("bob chose this one");
        clickOn("#repeatPasswordField").write("bob chose this one");
        clickOn("#changePasswordButton");
        clickDialogButton("OK");   // "password changed"
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#nav-MY_KEYS").tryQuery()).isPresent();
        assertThat(app.services().users().me(app.services().auth().signIn("bob", "bob chose this one".toCharArray()))
                .mustChangePassword()).isFalse();
        assertNothingUncaught();
    }

    @Test
    void anAdministratorChangesADisplayName() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        selectUser("bob");
        clickOn("#renameButton");
        clickOn("#renameField").write("Bob Builder");
        clickOn("#renameConfirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(user("bob").displayName()).isEqualTo("Bob Builder");
    }

    @Test
    void theSearchFieldNarrowsTheTableToMatchingUsernamesAndDisplayNames() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        assertThat(this.<User>rowsOf("#userTable")).hasSize(3);
        clickOn("#userSearchField").write("CAR");
        assertThat(this.<User>rowsOf("#userTable")).extracting(User::username).containsExactly("carol");
        assertThat(lookup("#userCount").queryLabeled().getText()).isEqualTo("1 of 3 users");
        eraseText(3);
        assertThat(this.<User>rowsOf("#userTable")).hasSize(3);
    }

    @Test
    void whatTheServiceWouldRefuseIsDisabledWithItsSentence() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        selectUser(TestStore.ADMIN);
        assertDisabledWithReason("#activeButton", serviceSays(TestStore.ADMIN).activation().reason());
        assertThat(serviceSays(TestStore.ADMIN).activation().reason())
                .isEqualTo("alice is the last active administrator and cannot be deactivated.");
        assertDisabledWithReason("#resetPasswordButton", serviceSays(TestStore.ADMIN).resetPassword().reason());

        selectUser("carol");
        assertDisabledWithReason("#adminButton", "carol is deactivated; activate them before making them an administrator.");
        assertThat(serviceSays("carol").role().reason()).isEqualTo(
                "carol is deactivated; activate them before making them an administrator.");
        assertThat(lookup("#activeButton").queryButton().isDisabled()).isFalse();

        // the reason shows as a tooltip where the pointer rests on the disabled button
        moveTo("#adminButton");
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(listWindows().stream().filter(w -> w instanceof Tooltip t && t.isShowing())
                .map(w -> ((Tooltip) w).getText())).contains(serviceSays("carol").role().reason());
    }

    private void assertDisabledWithReason(String query, String reason) {
        Button button = lookup(query).queryButton();
        assertThat(button.isDisabled()).as(query + " disabled").isTrue();
        assertThat(button.getAccessibleHelp()).isEqualTo(reason);
        Node holder = button.getParent();
        Object tooltip = holder.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip).isInstanceOf(Tooltip.class);
        assertThat(((Tooltip) tooltip).getText()).isEqualTo(reason);
    }
}
