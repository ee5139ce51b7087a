package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class UserKeyForAnotherUserRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.addUser("bella");
    }

    @Test
    void anAdministratorPicksTheOwnerPermissionAndExpiry() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("Bob's sync");
        clickOn("#ownerField").write("bo");
        Node bob = lookup(".list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && "bob".equals(c.getItem())).query();
        clickOn(bob);
        assertThat(lookup("#powerWarning").query().isVisible()).isFalse();
        clickOn("#permissionField");
        clickOn("Files only (files_only)");
        clickOn("#expiryField");
        clickOn("In 30 days");
        clickOn("#createButton");

        clickOn("#acknowledge");
        clickOn("#doneButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleKeys()).singleElement().satisfies(row -> {
            assertThat(row.owner()).isEqualTo("bob");
            assertThat(row.permission()).isEqualTo("files_only");
            assertThat(row.expiresAt()).isEqualTo(clock.instant().plus(java.time.Duration.ofDays(30)));
        });
    }

    @Test
    void anAdministratorOwnerShowsTheFullPowerWarning() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#ownerField").write("alice");
        assertThat(lookup("#powerWarning").query().isVisible()).isTrue();
        assertThat(lookup("#permissionField").queryAs(ComboBox.class).getValue()).isNotNull();
        clickDialogButton("Cancel");
    }
}
