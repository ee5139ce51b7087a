package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner list of "New user key" in both themes: drawn inside the dialog's own scene (no popup
 * window, so no white frame around it in the dark theme), its names readable on its background,
 * the highlighted one too. KEYDESK_CAPTURES=/folder keeps a picture of each.
 */
class OwnerPickerThemesRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        for (String name : List.of("bob", "bella", "bernard", "bianca", "boris")) {
            store.addUser(name);
        }
    }

    @Test
    void theListIsReadableInBothThemesAndStaysInTheDialog() {
        signInAsAdmin();
        List<Contrast.Finding> found = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            clickOn("#nav-SETTINGS");
            clickOn("#" + theme + "Theme");
            clickOn("#nav-USER_KEYS");
            clickOn("#newKeyButton");
            clickOn("#nameField").write("Sync");
            clickOn("#ownerField").write("b");
            type(KeyCode.DOWN);
            type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            Node list = lookup("#ownerSuggestions").query();
            assertThat(list.isVisible()).isTrue();
            Scene scene = list.getScene();
            assertThat(scene).as("the list is in the dialog's own scene").isSameAs(lookup("#ownerField").query().getScene());
            assertThat(javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing()
                    && w instanceof javafx.stage.PopupWindow)).as("no popup window").isEmpty();
            Captures.save(scene, theme + "-owner-suggestions");
            List<Contrast.Finding> inList = Contrast.measure(scene).stream()
                    .filter(f -> f.what().contains(" in #virtual-flow"))   // the list's rows: its flow is the nearest id
                    .map(f -> new Contrast.Finding(theme + ": " + f.what(), f.ratio(), f.required())).toList();
            assertThat(inList).as(theme + ": the names were measured").hasSizeGreaterThanOrEqualTo(5);
            inList.forEach(f -> System.out.println("contrast " + f));
            found.addAll(inList);
            type(KeyCode.ESCAPE);
            clickDialogButton("Cancel");
        }
        assertThat(found).filteredOn(Contrast.Finding::fails).isEmpty();
    }
}
