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
        clickOn(offered("bob"));
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
    void aNameThePickerOffersIsTakenByClickAndTheKeyIsCreated() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("Bella's laptop");
        // "l" is in bella only: the popup offers it, a click takes it
        clickOn("#ownerField").write("l");
        clickOn(offered("bella"));
        assertNothingUncaught();
        assertThat(lookup("#ownerField").queryTextInputControl().getText()).isEqualTo("bella");
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

    /** The owner picker's popup row for this name, once ControlsFX has fetched the suggestions. */
    private Node offered(String username) {
        java.util.function.Supplier<java.util.Optional<Node>> cell = () -> lookup(".list-cell")
                .match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && n.isVisible()
                        && username.equals(c.getItem())).tryQuery();
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> cell.get().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the owner picker did not offer " + username, e);
        }
        return cell.get().orElseThrow();
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
