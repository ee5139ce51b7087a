package com.keydesk.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A form dialog's last row, alike in every form: at the left anything the form adds and a spinner
 * while it works; at the right Cancel (Escape; the dialog wires it to close) and the form's action
 * (Enter), on only while the form may be sent.
 */
public record FormButtons(HBox row, Button cancel, Button action) {
    public static FormButtons of(String actionId, String actionText, ObservableBooleanValue enabled, Runnable onAction,
                                 ObservableValue<Boolean> busy, Node... leading) {
        Button cancel = new Button(Messages.get("button.cancel"));
        cancel.setCancelButton(true);
        Button action = new Button(actionText);
        action.setId(actionId);
        action.setDefaultButton(true);
        action.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        action.setOnAction(e -> onAction.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        List<Node> nodes = new ArrayList<>(List.of(leading));
        nodes.addAll(List.of(busyIndicator(busy), spacer, cancel, action));
        HBox row = new HBox(8, nodes.toArray(Node[]::new));
        row.setAlignment(leading.length == 0 ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        return new FormButtons(row, cancel, action);
    }

    /**
     * Shows the form in a modal window until Cancel, or until the form says it is {@code done}
     * (the user exists, the password is stored); {@code first} has the focus when it opens.
     */
    public void showAndWait(javafx.stage.Window owner, String title, javafx.scene.Parent root,
                            ObservableValue<Boolean> done, Node first) {
        javafx.stage.Stage stage = Windows.modal(owner, title, root);
        cancel.setOnAction(e -> stage.close());
        done.addListener((o, was, now) -> {
            if (Boolean.TRUE.equals(now)) {
                stage.close();
            }
        });
        stage.setOnShown(e -> first.requestFocus());
        stage.showAndWait();
    }

    /** The small spinner shown beside a form's buttons while it works. */
    public static ProgressIndicator busyIndicator(ObservableValue<Boolean> busy) {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setPrefSize(22, 22);
        indicator.visibleProperty().bind(busy);
        return indicator;
    }
}
