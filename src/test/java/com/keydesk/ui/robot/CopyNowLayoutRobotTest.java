package com.keydesk.ui.robot;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.FakeClipboard;
import com.keydesk.ui.FxDialogService;
import com.keydesk.ui.keys.copy.CopyNowView;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy-now window as a person reads it: a monospaced key, a Copy button that does not jump, and whose key it is. */
class CopyNowLayoutRobotTest extends FxRobot {
    @TempDir
    Path dir;
    private TestStore store;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        store = TestStore.in(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.isShowing()) {
                    s.close();
                }
            }
        });
        store.close();
    }

    private void open(IssuedKey issued) {
        CopyNowViewModel vm = new CopyNowViewModel(issued, new FakeClipboard(), new FxDialogService(() -> null), store.clock);
        Platform.runLater(() -> CopyNowView.showAndWait(null, vm));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private IssuedKey bobsKey() {
        store.addUser("bob");
        return store.services.keys().create(store.admin, NewKey.forUser("bob", "Bob laptop", null,
                PermissionSet.FILES_ONLY, store.clock.instant().plus(Duration.ofDays(30))));
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /** What the button draws (with an ellipsis if it had too little room), not its text property. */
    private static String drawnText(Button button) {
        return button.lookupAll(".text").stream().filter(n -> n instanceof Text && n.getParent() == button)
                .map(n -> ((Text) n).getText()).findFirst().orElseThrow();
    }

    @Test
    void copyBecomesCopiedWithoutTheButtonOrTheKeyFieldChangingSize() {
        open(bobsKey());
        Button copy = lookup("#copyButton").queryButton();
        TextField secret = lookup("#secretField").queryAs(TextField.class);
        Bounds buttonBefore = inScene(copy);
        Bounds fieldBefore = inScene(secret);
        assertThat(drawnText(copy)).isEqualTo("Copy");

        clickOn(copy);
        WaitForAsyncUtils.waitForFxEvents(3);

        assertThat(copy.getText()).isEqualTo("Copied");
        assertThat(drawnText(copy)).as("the whole word, not cut to 'Co…'").isEqualTo("Copied");
        assertThat(inScene(copy)).isEqualTo(buttonBefore);
        assertThat(inScene(secret)).isEqualTo(fieldBefore);
    }

    @Test
    void theKeyIsShownInAMonospacedFont() {
        open(bobsKey());
        Font font = lookup("#secretField").queryAs(TextField.class).getFont();
        Text narrow = new Text("iiiiiiiiiiii");
        narrow.setFont(font);
        Text wide = new Text("MMMMMMMMMMMM");
        wide.setFont(font);
        assertThat(narrow.getLayoutBounds().getWidth())
                .as("'i' and 'M' equally wide in %s", font.getFamily())
                .isCloseTo(wide.getLayoutBounds().getWidth(), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void theOwnerPermissionSetAndExpiryAreShownBesideTheKey() {
        IssuedKey issued = bobsKey();
        open(issued);
        assertThat(lookup("#copyOwner").queryLabeled().getText()).isEqualTo("bob");
        assertThat(lookup("#copyPermission").queryLabeled().getText()).isEqualTo("Files only (files_only)");
        assertThat(lookup("#copyExpires").queryLabeled().getText()).endsWith("(in 30 days)");
        for (String id : List.of("#copyOwner", "#copyPermission", "#copyExpires")) {
            Node fact = lookup(id).query();
            assertThat(fact.isVisible()).isTrue();
            assertThat(inScene(fact).getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(fact.getScene().getWidth());
        }
    }

    @Test
    void aSiteKeySaysItHasNoOwnerAndNoExpiry() {
        open(store.siteKey("CI deploy"));
        assertThat(lookup("#copyOwner").queryLabeled().getText()).isEqualTo("None: a site key");
        assertThat(lookup("#copyPermission").queryLabeled().getText()).isEqualTo("Full (full)");
        assertThat(lookup("#copyExpires").queryLabeled().getText()).isEqualTo("Never");
    }
}
