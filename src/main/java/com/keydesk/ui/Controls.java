package com.keydesk.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Small building blocks shared by the views. */
public final class Controls {
    private Controls() {
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
