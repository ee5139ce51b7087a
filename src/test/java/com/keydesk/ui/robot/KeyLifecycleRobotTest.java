package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.keys.KeyRow;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyLifecycleRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Backup job", null, PermissionSet.FILES_ONLY, null));
        store.siteKey("CI deploy");
    }

    @Test
    void disableThenEnableRestoresThePermissionSet() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        assertThat(lookup("#toggleButton").queryButton().getText()).isEqualTo("Disable");
        clickOn("#toggleButton");
        assertThat(visibleKeys().getFirst().permission()).isEqualTo("none");
        // what Enable gives back is in the table, not only behind the details
        assertThat(permissionCells()).containsExactly("was files_only");
        selectKey("Backup job");
        assertThat(lookup("#toggleButton").queryButton().getText()).isEqualTo("Enable");
        clickOn("#toggleButton");
        assertThat(visibleKeys().getFirst().permission()).isEqualTo("files_only");
        assertThat(permissionCells()).containsExactly("files_only");
    }

    /** The texts of the Permission column's cells in the key table on screen. */
    private java.util.List<String> permissionCells() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getTableColumn() != null && "Permission".equals(c.getTableColumn().getText())
                && c.getText() != null && shown(n))
                .queryAll().stream().map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()).toList();
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void revokingAUserKeyAsksNamingTheKey() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        clickOn("#revokeButton");
        assertThat(lookup(".dialog-pane .header-panel .label").queryLabeled().getText()).isEqualTo("Revoke “Backup job”?");
        clickDialogButton("Cancel");
        assertThat(visibleKeys()).hasSize(1);
        clickOn("#revokeButton");
        clickDialogButton("Revoke");
        assertThat(visibleKeys()).isEmpty();
    }

    @Test
    void revokingASiteKeyNeedsItsNameTyped() {
        signInAsAdmin();
        selectKey("CI deploy");
        type(javafx.scene.input.KeyCode.DELETE);
        assertThat(lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("Revoke")).queryButton().isDisabled()).isTrue();
        clickOn("#typeToConfirm").write("CI deploy");
        clickDialogButton("Revoke");
        assertThat(visibleKeys()).isEmpty();
    }

    @Test
    void replaceRevokesAndShowsTheNewKeyOnce() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        KeyRow old = visibleKeys().getFirst();
        selectKey("Backup job");
        clickOn("#replaceButton");
        clickDialogButton("Revoke and create a new key");
        assertThat(lookup("#secretField").queryAs(TextField.class).getText()).isNotBlank();
        clickOn("#acknowledge");
        clickOn("#doneButton");
        assertThat(visibleKeys()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Backup job");
            assertThat(row.id()).isNotEqualTo(old.id());
            assertThat(row.permission()).isEqualTo("files_only");
        });
    }
}
