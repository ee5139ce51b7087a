package com.keydesk.ui.users;

import com.keydesk.ui.Messages;
import com.keydesk.ui.Windows;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The two small forms of the users screen: a temporary password (typed twice) and a display name.
 * They only collect; the service checks and says what is wrong.
 */
final class UserForms {
    private UserForms() {
    }

    static char[] askTemporaryPassword(Window owner, String username) {
        PasswordField password = new PasswordField();
        password.setId("resetPasswordField");
        PasswordField repeat = new PasswordField();
        repeat.setId("resetRepeatField");
        StringBinding mismatch = Bindings.createStringBinding(() -> !repeat.getText().isEmpty()
                && !repeat.getText().equals(password.getText()) ? Messages.get("setup.error.repeat") : "",
                password.textProperty(), repeat.textProperty());
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        int row = AddUserView.addRow(form, 0, "users.reset.password", password, new javafx.beans.property.SimpleStringProperty(""), "resetPasswordError");
        AddUserView.addRow(form, row, "users.reset.repeat", repeat, mismatch, "resetRepeatError");
        boolean[] confirmed = {false};
        Stage stage = show(owner, Messages.format("users.reset.heading", username),
                Messages.format("users.reset.sentence", username), form, "resetPasswordConfirm", "users.reset.button",
                Bindings.createBooleanBinding(() -> password.getText().isEmpty() || !password.getText().equals(repeat.getText()),
                        password.textProperty(), repeat.textProperty()), confirmed, password);
        stage.showAndWait();
        char[] typed = confirmed[0] ? password.getText().toCharArray() : null;
        // the fields forget what was typed as soon as the window is gone
        password.clear();
        repeat.clear();
        return typed;
    }

    static String askDisplayName(Window owner, String username, String current) {
        TextField name = new TextField(current == null ? "" : current);
        name.setId("renameField");
        GridPane form = new GridPane();
        form.setHgap(12);
        AddUserView.addRow(form, 0, "users.add.displayName", name, new javafx.beans.property.SimpleStringProperty(""), "renameError");
        boolean[] confirmed = {false};
        Stage stage = show(owner, Messages.format("users.rename.heading", username), Messages.get("users.rename.sentence"),
                form, "renameConfirm", "users.rename.button", Bindings.createBooleanBinding(() -> false), confirmed, name);
        stage.showAndWait();
        return confirmed[0] ? name.getText() : null;
    }

    private static Stage show(Window owner, String heading, String sentence, Node form, String confirmId,
                              String confirmKey, javafx.beans.value.ObservableValue<Boolean> disabled,
                              boolean[] confirmed, Node first) {
        Label title = new Label(heading);
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label text = new Label(sentence);
        text.setWrapText(true);
        Button cancel = new Button(Messages.get("button.cancel"));
        cancel.setCancelButton(true);
        Button confirm = new Button(Messages.get(confirmKey));
        confirm.setId(confirmId);
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(disabled);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        if (form instanceof Region grid) {
            grid.setMaxWidth(Double.MAX_VALUE);   // the fields as wide as the window, not their preferred 150 px
        }
        VBox root = new VBox(14, title, text, form, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(480);
        Stage stage = Windows.modal(owner, heading, root);
        cancel.setOnAction(e -> stage.close());
        confirm.setOnAction(e -> {
            confirmed[0] = true;
            stage.close();
        });
        stage.setOnShown(e -> first.requestFocus());
        return stage;
    }
}
