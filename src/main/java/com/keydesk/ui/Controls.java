package com.keydesk.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Small building blocks shared by the views. */
public final class Controls {
    private Controls() {
    }

    /** The line under a table that says how many rows there are. */
    public static javafx.scene.layout.HBox countFooter(String id, ObservableValue<String> count) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("hint");
        label.textProperty().bind(count);
        javafx.scene.layout.HBox footer = new javafx.scene.layout.HBox(label);
        footer.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
        return footer;
    }

    /** A sentence beside a field; takes no room while empty. */
    public static Label errorLabel(ObservableValue<String> error) {
        Label label = new Label();
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(error);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
