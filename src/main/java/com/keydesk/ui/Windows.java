package com.keydesk.ui;

import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the app's windows the same way: title with "KeyDesk", the app stylesheet, modality. */
public final class Windows {
    public static final String STYLESHEET = Objects.requireNonNull(
            Windows.class.getResource("keydesk.css")).toExternalForm();

    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static List<Image> icons;

    private Windows() {
    }

    /** The app icon in every size on the class path; the platform picks the one it needs. */
    public static synchronized List<Image> icons() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : ICON_SIZES) {
                try (InputStream in = Windows.class.getResourceAsStream("/com/keydesk/icon/keydesk-" + size + ".png")) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // a missing size is not worth failing a window for
                }
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }

    /** Gives a window the app icon (every Stage: main window, dialogs, alerts). */
    public static void setIcon(Stage stage) {
        stage.getIcons().setAll(icons());
    }

    public static Scene scene(Parent root) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    /** A modal dialog window owned by {@code owner}; its title reads "Heading — KeyDesk". */
    public static Stage modal(Window owner, String heading, Parent root) {
        Stage stage = new Stage();
        if (owner != null && owner.isShowing()) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.APPLICATION_MODAL);
        stage.setTitle(Messages.format("window.title.with", heading));
        stage.setScene(scene(root));
        setIcon(stage);
        growWithContent(stage);
        overOwner(stage);
        return stage;
    }

    /**
     * Opens the window centred over its owner, as an alert does, instead of in the middle of the
     * screen (JavaFX's default for a Stage): on a large screen with the main window to one side, a
     * dialog far from it looks unrelated. Kept inside the owner's screen, so it is never cut off.
     */
    public static void overOwner(Stage stage) {
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
            Window owner = stage.getOwner();
            if (owner == null || !owner.isShowing()) {
                return;
            }
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(
                            owner.getX(), owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()))
                    .stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
            double x = owner.getX() + (owner.getWidth() - stage.getWidth()) / 2;
            double y = owner.getY() + (owner.getHeight() - stage.getHeight()) / 3;
            stage.setX(clamp(x, screen.getMinX(), screen.getMaxX() - stage.getWidth()));
            stage.setY(clamp(y, screen.getMinY(), screen.getMaxY() - stage.getHeight()));
        });
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }

    /**
     * A dialog's window follows its content's height: a sentence that appears (a validation
     * message, a warning) makes the window taller instead of being cut, up to the screen's height. It never shrinks by
     * itself, so a window the person resized stays as they left it.
     * The scene keeps its width, so wrapped labels wrap rather than widen the window.
     */
    static void growWithContent(Stage stage) {
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(() -> {
            if (!stage.isShowing() || scene.getRoot() == null) {
                return;
            }
            double wanted = Math.ceil(scene.getRoot().prefHeight(scene.getWidth()));
            double limit = javafx.stage.Screen.getPrimary().getVisualBounds().getHeight()
                    - (stage.getHeight() - scene.getHeight());
            double target = Math.min(wanted, limit);
            if (target - scene.getHeight() >= 1) {   // grows only: a window the person made taller stays so
                stage.setHeight(stage.getHeight() + target - scene.getHeight());
            }
        });
    }
}
