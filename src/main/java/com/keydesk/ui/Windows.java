package com.keydesk.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/** Builds the app's windows the same way: title with "KeyDesk", the app stylesheet, modality. */
public final class Windows {
    public static final String STYLESHEET = Objects.requireNonNull(
            Windows.class.getResource("keydesk.css")).toExternalForm();

    private Windows() {
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
        return stage;
    }
}
