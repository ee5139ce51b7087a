package com.keydesk.ui.robot;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dialog opens over the window it belongs to, not in the middle of the screen, and inside the screen. */
class DialogPlacementRobotTest extends AppRobotTest {
    private void placeWindow(double x, double y, double width, double height) throws Exception {
        FxToolkit.setupFixture(() -> {
            stage.setX(x);
            stage.setY(y);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private Stage dialog() {
        return (Stage) List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aDialogOpensCentredOverTheMainWindowNotTheScreen() throws Exception {
        // the main window in the screen's top left corner: the screen's centre is far to its right
        placeWindow(0, 0, 820, 600);
        signInAsAdmin();
        clickOn("#newKeyButton");
        WaitForAsyncUtils.waitForFxEvents(3);
        Stage dialog = dialog();
        double dialogCentre = dialog.getX() + dialog.getWidth() / 2;
        double ownerCentre = stage.getX() + stage.getWidth() / 2;
        assertThat(dialogCentre).as("the dialog's centre, over the main window's (" + ownerCentre + ")")
                .isCloseTo(ownerCentre, org.assertj.core.data.Offset.offset(20.0));
        assertThat(dialog.getY()).as("the dialog's top within the main window")
                .isBetween(stage.getY(), stage.getY() + stage.getHeight() - 40);
        clickDialogButton("Cancel");
        assertNothingUncaught();
    }

    @Test
    void aDialogOverAWindowNearTheScreensEdgeStaysOnTheScreen() throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        placeWindow(screen.getMaxX() - 820, screen.getMaxY() - 580, 820, 580);
        signInAsAdmin();
        clickOn("#nav-USERS");
        clickOn("#addUserButton");
        WaitForAsyncUtils.waitForFxEvents(3);
        Stage dialog = dialog();
        assertThat(dialog.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(dialog.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(dialog.getX() + dialog.getWidth()).isLessThanOrEqualTo(screen.getMaxX() + 0.5);
        assertThat(dialog.getY() + dialog.getHeight()).isLessThanOrEqualTo(screen.getMaxY() + 0.5);
        assertThat(dialog.getX() + dialog.getWidth() / 2).as("still over the main window")
                .isCloseTo(stage.getX() + stage.getWidth() / 2, org.assertj.core.data.Offset.offset(20.0));
        assertNothingUncaught();
    }
}
