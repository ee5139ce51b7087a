package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile text typed and pasted into the create-key form: the sentence beside the field, Create off, nothing made. */
class HostileKeyInputRobotTest extends AppRobotTest {
    private static final String KEY = "\uD83D\uDD11";

    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
    }

    /** Replaces the field's text by pasting, as someone pasting from elsewhere would. */
    private void paste(String query, String text) {
        interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        clickOn(query);
        push(KeyCode.CONTROL, KeyCode.A);
        push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String nameError() {
        return lookup("#nameField").query().getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("field-error") && n.isVisible())
                .map(n -> ((javafx.scene.control.Label) n).getText()).findFirst().orElse("");
    }

    private boolean createDisabled() {
        return lookup("#createButton").queryButton().isDisabled();
    }

    @Test
    void hostileNamesAreRefusedBesideTheFieldAndNothingIsCreated() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#ownerField").write("bob");
        assertThat(createDisabled()).isTrue(); // empty name: nothing said yet, but no Create

        clickOn("#nameField").write("a");
        type(KeyCode.BACK_SPACE);
        assertThat(nameError()).isEqualTo("A key name is required.");
        assertThat(createDisabled()).isTrue();

        write("   ");
        assertThat(nameError()).isEqualTo("A key name is required.");
        assertThat(createDisabled()).isTrue();

        paste("#nameField", "x".repeat(101));
        assertThat(nameError()).isEqualTo("The key name can be at most 100 characters.");
        assertThat(createDisabled()).isTrue();
        type(KeyCode.BACK_SPACE);
        assertThat(nameError()).isEmpty();
        assertThat(createDisabled()).isFalse(); // exactly 100 is fine

        paste("#nameField", "bell\u0007name");
        assertThat(lookup("#nameField").queryAs(TextInputControl.class).getText()).isEqualTo("bellname"); // the field drops C0 controls itself

        paste("#nameField", "csi\u009Bname");
        assertThat(nameError()).contains("may not contain control characters");
        assertThat(createDisabled()).isTrue();

        replaceText("#nameField", "invoice\u202Etxt.exe");
        assertThat(nameError()).contains("reverse text direction");
        assertThat(createDisabled()).isTrue();

        paste("#nameField", KEY.repeat(101));
        assertThat(nameError()).isEqualTo("The key name can be at most 100 characters.");
        assertThat(createDisabled()).isTrue();

        replaceText("#nameField", "Fine name");
        assertThat(createDisabled()).isFalse();
        paste("#descriptionField", "next line\u0085here");
        assertThat(createDisabled()).isTrue();
        assertThat(lookup(".field-error").match(n -> n.isVisible()).queryLabeled().getText())
                .contains("may not contain control characters");

        clickDialogButton("Cancel");
        assertThat(visibleKeys()).isEmpty();
        assertThat(app.services().keys().list(app.services().auth().signIn(TestStore.ADMIN,
                TestStore.ADMIN_PASSWORD.toCharArray()))).isEmpty();
    }
}
