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
    void clickingANameInTheFullOwnerListTakesItAndTheKeyIsCreated() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("Bella's laptop");
        // Nothing typed in the owner field: the whole list (alice, bella, bob), and a click on one
        // that is not first (the list then narrows under the click).
        Node bella = lookup("#ownerList .list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && n.isVisible() && "bella".equals(c.getItem())).query();
        clickOn(bella);
        assertNothingUncaught();
        assertThat(lookup("#ownerField").queryTextInputControl().getText()).isEqualTo("bella");
        assertThat(lookup("#ownerList").queryListView().getItems()).as("the list narrows to the name taken")
                .containsExactly("bella");
        clickOn("#createButton");

        clickOn("#acknowledge");
        clickOn("#doneButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".dialog-pane").match((Node n) -> n.getScene() != stage.getScene()).tryQuery())
                .as("no error dialog").isEmpty();
        assertThat(visibleKeys()).singleElement().satisfies(row -> {
            assertThat(row.owner()).isEqualTo("bella");
            assertThat(row.name()).isEqualTo("Bella's laptop");
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
