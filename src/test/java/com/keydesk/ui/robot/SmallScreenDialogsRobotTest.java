package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dialog of the app on a 1024×700 screen: it fits, and each of its buttons is inside it and
 * wide enough for its text. The main window takes the whole screen, as it does there.
 */
class SmallScreenDialogsRobotTest extends AppRobotTest {
    private static final double SCREEN_WIDTH = 1024;
    private static final double SCREEN_HEIGHT = 700;
    private final List<String> seen = new ArrayList<>();

    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.addUser("carol");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Bob laptop", null, PermissionSet.DESKTOP_APP, null));
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Bob phone", null, PermissionSet.MOBILE_APP, null));
        store.siteKey("CI deploy");
        store.siteKey("Nightly backup");
        store.siteKey(LONG_NAME);
    }

    private static final String LONG_NAME = "Nightly export of the usage reports to the BI warehouse in Frankfurt";

    private void smallScreen() throws Exception {
        FxToolkit.setupFixture(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(SCREEN_WIDTH);
            stage.setHeight(SCREEN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private Stage dialog() {
        WaitForAsyncUtils.waitForFxEvents(3);
        return (Stage) List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no dialog showing"));
    }

    /** The dialog showing now fits a 1024×700 screen, and every button in it is whole and inside it. */
    private void assertFits(String what) {
        Stage dialog = dialog();
        Captures.save(dialog.getScene(), "small-" + what.replace(' ', '-'));
        seen.add(what);
        assertThat(dialog.getWidth()).as(what + ": width").isLessThanOrEqualTo(SCREEN_WIDTH);
        assertThat(dialog.getHeight()).as(what + ": height").isLessThanOrEqualTo(SCREEN_HEIGHT);
        double w = dialog.getScene().getWidth();
        double h = dialog.getScene().getHeight();
        List<ButtonBase> buttons = new ArrayList<>();
        collectButtons(dialog.getScene().getRoot(), buttons);
        assertThat(buttons).as(what + ": buttons found").isNotEmpty();
        for (ButtonBase button : buttons) {
            String name = what + ": button " + (button.getText() != null ? button.getText() : button.getId());
            Bounds b = button.localToScene(button.getBoundsInLocal());
            assertThat(b.getMinX()).as(name + " left").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMinY()).as(name + " top").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxX()).as(name + " right edge within " + w).isLessThanOrEqualTo(w + 0.5);
            assertThat(b.getMaxY()).as(name + " bottom edge within " + h).isLessThanOrEqualTo(h + 0.5);
            assertThat(b.getWidth()).as(name + " not squeezed").isGreaterThanOrEqualTo(button.minWidth(-1) - 0.5);
        }
    }

    private static void collectButtons(Node node, List<ButtonBase> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase button && !insideControlSkin(button)) {
            found.add(button);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectButtons(child, found));
        }
    }

    /** Buttons that are parts of another control (a date picker's arrow, a table's menu): that control is checked. */
    private static boolean insideControlSkin(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?> || n instanceof javafx.scene.control.TableView<?>
                    || n instanceof javafx.scene.control.ScrollBar || n instanceof javafx.scene.control.Spinner<?>) {
                return true;
            }
        }
        return false;
    }

    private void cancel() {
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    @Test
    void everyKeyDialogFitsA1024x700Screen() throws Exception {
        smallScreen();
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        clickOn("#newKeyButton");
        assertFits("new site key");
        cancel();

        selectKey("CI deploy");
        clickOn("#detailsButton");
        assertFits("key details");
        cancel();

        clickOn("#revokeButton");
        assertFits("revoke site key");
        cancel();

        selectKey("CI deploy");
        press(KeyCode.CONTROL);
        selectKey("Nightly backup");
        release(KeyCode.CONTROL);
        clickOn("#toggleButton");
        assertFits("bulk disable");
        cancel();
        clickOn("#revokeButton");
        assertFits("bulk revoke");
        cancel();

        selectKey("CI deploy");
        clickOn("#replaceButton");
        assertFits("replace");
        clickDialogButton("Revoke and create a new key");
        assertFits("copy now");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        WaitForAsyncUtils.waitForFxEvents(3);

        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        assertFits("new user key");
        cancel();
        selectKey("Bob phone");
        clickOn("#revokeButton");
        assertFits("revoke user key");
        cancel();
        clickOn("#inactiveButton");
        assertFits("inactive keys");
        cancel();
        assertThat(seen).hasSize(10);
        assertNothingUncaught();
    }

    @Test
    void theDetailsOfAKeyWithALongNameShowTheWholeName() throws Exception {
        smallScreen();
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        selectKey(LONG_NAME);
        clickOn("#detailsButton");
        assertFits("details of a long name");
        javafx.scene.control.Label heading = (javafx.scene.control.Label) dialog().getScene().getRoot().lookup(".title-3");
        String shown = ((javafx.scene.text.Text) heading.lookup(".text")).getText();
        assertThat(heading.getText()).isEqualTo(LONG_NAME);
        assertThat(shown).as("the heading's text as drawn").isEqualTo(LONG_NAME);
        cancel();
        assertNothingUncaught();
    }

    @Test
    void everyUserSettingsAndStoreDialogFitsA1024x700Screen() throws Exception {
        smallScreen();
        signInAsAdmin();
        clickOn("#nav-USERS");
        clickOn("#addUserButton");
        assertFits("add user");
        cancel();
        selectRow("#userTable", item -> item instanceof com.keydesk.domain.User u && u.username().equals("bob"));
        clickOn("#resetPasswordButton");
        assertFits("reset password");
        cancel();
        clickOn("#renameButton");
        assertFits("change display name");
        cancel();
        clickOn("#adminButton");
        assertFits("make administrator");
        cancel();
        clickOn("#activeButton");
        assertFits("deactivate");
        cancel();

        clickOn("#userMenu");
        clickOn("#changePasswordItem");
        assertFits("change password");
        cancel();

        clickOn("#nav-SETTINGS");
        clickOn("#usersCanCreateToggle");
        assertFits("site-wide switch");
        cancel();

        clickOn("#storeMenu");
        clickOn("#moveToTeamStoreItem");
        assertFits("move to team store");
        cancel();
        assertThat(seen).hasSize(8);
        assertNothingUncaught();
    }
}
