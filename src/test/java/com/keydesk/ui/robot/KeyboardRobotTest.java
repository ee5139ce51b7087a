package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import com.keydesk.ui.main.Section;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person with a keyboard only, or with a screen reader. */
class KeyboardRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.siteKey("Nightly backup");
        store.siteKey("CI deploy");
    }

    @Test
    void tabAndShiftTabLeaveTheDescriptionInsteadOfTypingATab() {
        signInAsAdmin();
        clickOn("#newKeyButton");
        clickOn("#nameField").write("Reports");
        type(KeyCode.TAB);
        TextArea description = lookup("#descriptionField").queryAs(TextArea.class);
        assertThat(description.isFocused()).isTrue();
        write("Nightly export");
        type(KeyCode.TAB);
        assertThat(description.isFocused()).as("Tab left the description").isFalse();
        assertThat(description.getText()).isEqualTo("Nightly export");
        press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(description.isFocused()).isTrue();
        press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(lookup("#nameField").query().isFocused()).as("Shift+Tab went back to the name").isTrue();
        assertThat(description.getText()).isEqualTo("Nightly export");
        clickDialogButton("Cancel");
    }

    @Test
    void ctrlAndADigitOpenTheSectionsAndTheSidebarSaysSo() {
        signInAsAdmin();
        List<Section> sections = Section.forRole(true);
        for (int i = sections.size() - 1; i >= 0; i--) {
            press(KeyCode.CONTROL).type(KeyCode.getKeyCode(String.valueOf(i + 1))).release(KeyCode.CONTROL);
            ToggleButton button = lookup("#nav-" + sections.get(i).name()).queryAs(ToggleButton.class);
            assertThat(button.isSelected()).as("Ctrl+%d marks %s", i + 1, sections.get(i)).isTrue();
            assertThat(shownSection()).isEqualTo(sections.get(i));
            assertThat(button.getTooltip().getText()).isEqualTo(sections.get(i).text() + " (Ctrl+" + (i + 1) + ")");
        }
        assertNothingUncaught();
    }

    @Test
    void arrowKeysInTheSidebarShowThePageTheyMark() {
        signInAsAdmin();
        interact(() -> lookup("#nav-SITE_KEYS").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.DOWN);
        assertThat(selectedSection()).isEqualTo(shownSection()).isEqualTo(Section.USER_KEYS);
        type(KeyCode.DOWN);
        type(KeyCode.DOWN);
        assertThat(selectedSection()).isEqualTo(shownSection()).isEqualTo(Section.SETTINGS);
        type(KeyCode.UP);
        assertThat(selectedSection()).isEqualTo(shownSection()).isEqualTo(Section.USERS);
        // a click on the section shown keeps it marked
        clickOn("#nav-USERS");
        assertThat(selectedSection()).isEqualTo(shownSection()).isEqualTo(Section.USERS);
        assertNothingUncaught();
    }

    @Test
    void afterRevokingFromTheToolbarTheFocusIsOnTheTable() {
        signInAsAdmin();
        selectKey("Nightly backup");
        clickOn("#revokeButton");
        clickOn("#typeToConfirm").write("Nightly backup");
        clickDialogButton("Revoke");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleKeys()).extracting(k -> k.name()).containsExactly("CI deploy");
        Node focused = stage.getScene().getFocusOwner();
        assertThat(focused).as("the disabled Revoke button does not keep the focus").isNotNull();
        assertThat(focused.getId()).isEqualTo("keyTable");
    }

    @Test
    void afterDisablingFromTheToolbarTheFocusIsOnTheTableAndItsRow() {
        signInAsAdmin();
        selectKey("Nightly backup");
        clickOn("#toggleButton");
        WaitForAsyncUtils.waitForFxEvents(3);
        Node focused = stage.getScene().getFocusOwner();
        assertThat(focused).as("the focus is not handed on to Details").isNotNull();
        assertThat(focused.getId()).isEqualTo("keyTable");
        @SuppressWarnings("unchecked")
        var table = (javafx.scene.control.TableView<com.keydesk.ui.keys.KeyRow>) focused;
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("Nightly backup");
        // and Space or a click on the toggle now enables it again: nothing swallowed
        clickOn("#toggleButton");
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(visibleKeys()).filteredOn(k -> k.name().equals("Nightly backup"))
                .extracting(k -> k.status().name()).containsExactly("ACTIVE");
        assertNothingUncaught();
    }

    @Test
    void downFromTheSearchFieldGoesToTheKeysItFound() {
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        push(KeyCode.CONTROL, KeyCode.F);
        write("nightly");
        type(KeyCode.DOWN);
        Node focused = stage.getScene().getFocusOwner();
        assertThat(focused.getId()).isEqualTo("keyTable");
        type(KeyCode.ENTER);   // and Enter opens the key found
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#detailsName").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("Nightly backup");
        type(KeyCode.ESCAPE);
        assertNothingUncaught();
    }

    @Test
    void afterADialogTheControlThatOpenedItHasTheFocusAgain() {
        signInAsAdmin();
        clickOn("#newKeyButton");
        clickDialogButton("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("newKeyButton");
    }

    @Test
    void everyButtonWithoutTextHasAnAccessibleName() {
        signInAsAdmin();
        List<String> unnamed = new ArrayList<>();
        int iconOnly = 0;
        for (Section section : Section.forRole(true)) {
            clickOn("#nav-" + section.name());
            WaitForAsyncUtils.waitForFxEvents();
            for (ButtonBase button : buttons(stage.getScene().getRoot(), new ArrayList<>())) {
                if (button.getText() == null || button.getText().isBlank()) {
                    iconOnly++;
                    if (button.getAccessibleText() == null || button.getAccessibleText().isBlank()) {
                        unnamed.add(section + ": " + button.getId() + " " + button.getStyleClass());
                    }
                }
            }
        }
        assertThat(iconOnly).as("the refresh buttons and the header's menus were seen").isGreaterThanOrEqualTo(6);
        assertThat(unnamed).isEmpty();
    }

    private static List<ButtonBase> buttons(Node node, List<ButtonBase> found) {
        if (!node.isVisible()) {
            return found;
        }
        if (node instanceof ButtonBase button && !(node.getParent() instanceof Labeled)) {
            found.add(button);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> buttons(child, found));
        }
        return found;
    }

    private Section selectedSection() {
        return Section.forRole(true).stream().filter(s -> lookup("#nav-" + s.name()).queryAs(ToggleButton.class)
                .isSelected()).findFirst().orElse(null);
    }

    /** The section whose screen is in the window's centre. */
    private Section shownSection() {
        Node center = ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).getCenter();
        return switch (center.getId()) {
            case "keys-site_keys" -> Section.SITE_KEYS;
            case "keys-user_keys" -> Section.USER_KEYS;
            case "usersScreen" -> Section.USERS;
            case "settingsScreen" -> Section.SETTINGS;
            case "auditScreen" -> Section.AUDIT;
            case "scanScreen" -> Section.SCAN;
            default -> throw new AssertionError("unknown screen " + center.getId());
        };
    }
}
