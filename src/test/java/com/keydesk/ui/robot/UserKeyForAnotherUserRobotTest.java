package com.keydesk.ui.robot;

import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
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

    @Test
    void aClickOnTheSecondOfSeveralNamesTakesItWithoutAnErrorDialog() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("Bob's phone");
        // "b" offers bella and bob: the click is on the second row, which the list used to lose
        clickOn("#ownerField").write("b");
        clickOn(offered("bob"));
        assertNothingUncaught();
        assertNoErrorDialog();
        assertThat(ownerText()).isEqualTo("bob");
        assertThat(suggestionsShowing()).as("the list goes once a name is taken").isFalse();
        clickOn("#createButton");

        clickOn("#acknowledge");
        clickOn("#doneButton");
        assertNothingUncaught();
        assertNoErrorDialog();
        assertThat(keysOf("bob")).as("the key was made for bob (asked of the service)")
                .singleElement().satisfies(k -> assertThat(k.name()).isEqualTo("Bob's phone"));
    }

    @Test
    void downAndEnterTakeAHighlightedName() {
        openNewUserKey();
        clickOn("#ownerField").write("b");
        offered("bob");
        type(KeyCode.DOWN);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        assertNothingUncaught();
        assertThat(ownerText()).isEqualTo("bob");
        assertThat(suggestionsShowing()).isFalse();
        assertThat(lookup("#createButton").query().getScene().getWindow().isShowing())
                .as("Enter on the list takes the name; it does not submit the form").isTrue();
        clickDialogButton("Cancel");
    }

    @Test
    void escapeClosesTheListNotTheDialog() {
        openNewUserKey();
        clickOn("#ownerField").write("b");
        offered("bella");
        type(KeyCode.ESCAPE);
        assertNothingUncaught();
        assertThat(suggestionsShowing()).isFalse();
        assertThat(ownerText()).isEqualTo("b");
        assertThat(lookup("#ownerField").query().getScene().getWindow().isShowing())
                .as("the first Escape closes only the list").isTrue();
        clickDialogButton("Cancel");
    }

    @Test
    void aClickElsewhereInTheDialogClosesTheList() {
        openNewUserKey();
        clickOn("#ownerField").write("b");
        offered("bella");
        clickOn(lookup(".title-3").match((Node n) -> n.getScene() != stage.getScene()).queryLabeled());
        assertThat(suggestionsShowing()).isFalse();
        assertThat(ownerText()).isEqualTo("b");
        clickDialogButton("Cancel");
    }

    @Test
    void tabClosesTheListAndMovesOn() {
        openNewUserKey();
        clickOn("#ownerField").write("bo");
        offered("bob");
        type(KeyCode.TAB);
        assertNothingUncaught();
        assertThat(suggestionsShowing()).isFalse();
        assertThat(lookup("#ownerField").query().isFocused()).as("focus moved on").isFalse();
        assertThat(ownerText()).isEqualTo("bo");
        clickDialogButton("Cancel");
    }

    @Test
    void aGreyedCreateSaysWhatIsMissing() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#createButton").queryButton().isDisabled()).isTrue();
        assertThat(hint()).isEqualTo(com.keydesk.service.InputRules.keyNameProblem("").orElseThrow());
        clickOn("#nameField").write("Sync");
        assertThat(hint()).isEqualTo("Choose the user the key belongs to.");
        Captures.save(lookup("#createHint").query().getScene(), "create-hint-owner");
        clickOn("#ownerField").write("bo");
        clickOn(offered("bob"));
        assertThat(hint()).isEmpty();
        assertThat(lookup("#createHint").query().isVisible()).isFalse();
        assertThat(lookup("#createButton").queryButton().isDisabled()).isFalse();
        clickDialogButton("Cancel");
    }

    private String hint() {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label hint = lookup("#createHint").queryAs(javafx.scene.control.Label.class);
        return hint.isVisible() ? hint.getText() : "";
    }

    private void openNewUserKey() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("Sync");
    }

    private String ownerText() {
        return lookup("#ownerField").queryTextInputControl().getText();
    }

    /** Whether any list of names is on screen (ours or a popup's). */
    private boolean suggestionsShowing() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof String && n.getScene().getWindow().isShowing()
                && inShownList(n)).tryQuery().isPresent();
    }

    /** A row of a list on screen: every node above it visible, a ListView among them (not a ComboBox's face). */
    private static boolean inShownList(Node n) {
        boolean inList = false;
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
            inList |= at instanceof javafx.scene.control.ListView<?>;
        }
        return inList;
    }

    private void assertNoErrorDialog() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".dialog-pane").match((Node n) -> n.getScene() != stage.getScene()
                && n.getScene().getWindow().isShowing()).tryQuery()).as("no error dialog").isEmpty();
    }

    private java.util.List<com.keydesk.domain.ApiKey> keysOf(String owner) {
        Session admin = app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
        return app.services().keys().list(admin).stream().filter(k -> owner.equals(k.ownerUsername())).toList();
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
