package com.keydesk.ui.users;

import com.keydesk.ui.Controls;
import com.keydesk.ui.FieldDecorations;
import com.keydesk.ui.FormButtons;
import com.keydesk.ui.Messages;
import com.keydesk.ui.start.NewPasswordFields;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The add-user form; closes when the user exists. */
public final class AddUserView {
    private AddUserView() {
    }

    public static void showAndWait(Window owner, AddUserViewModel vm) {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        TextField username = new TextField();
        username.setId("newUsernameField");
        username.textProperty().bindBidirectional(vm.account().usernameProperty());
        TextField display = new TextField();
        display.setId("newDisplayNameField");
        display.textProperty().bindBidirectional(vm.account().displayNameProperty());
        CheckBox admin = new CheckBox(Messages.get("users.add.admin"));
        admin.setId("newAdminCheck");
        admin.selectedProperty().bindBidirectional(vm.adminProperty());
        FieldDecorations marks = new FieldDecorations();
        marks.watch(username, vm.account().usernameErrorProperty());
        marks.watch(display, vm.account().displayNameErrorProperty());
        NewPasswordFields password = NewPasswordFields.of(vm.account().password(), "newPasswordField", "newRepeatField", marks);
        int row = 0;
        row = addRow(form, row, "users.add.username", username, vm.account().usernameErrorProperty(), "newUsernameError");
        row = addRow(form, row, "users.add.displayName", display, vm.account().displayNameErrorProperty(), "newDisplayNameError");
        form.add(admin, 1, row++);
        Label adminNote = new Label(Messages.get("users.add.adminNote"));
        adminNote.getStyleClass().add("hint");
        adminNote.setWrapText(true);
        form.add(adminNote, 1, row++);
        row = addRow(form, row, "users.add.password", password.password(), vm.account().password().errorProperty(), "newPasswordError");
        form.add(password.strength(), 1, row++);
        addRow(form, row, "users.add.repeat", password.repeat(), vm.account().password().repeatErrorProperty(), "newRepeatError");

        Label formError = Controls.errorLabel(vm.formErrorProperty());
        formError.setId("addUserError");
        FormButtons buttons = FormButtons.of("addUserConfirm", Messages.get("users.add.button"), vm.canAddProperty(), vm::add,
                vm.busyProperty());

        Label heading = new Label(Messages.get("users.add.heading"));
        heading.getStyleClass().add("title-3");
        VBox root = new VBox(14, heading, form, formError, buttons.row());
        root.setPadding(new Insets(20));
        root.setPrefWidth(520);
        form.disableProperty().bind(vm.busyProperty());

        buttons.showAndWait(owner, Messages.get("users.add.heading"), root, vm.addedProperty(), username);
    }

    static int addRow(GridPane form, int row, String labelKey, Node field, ObservableValue<String> error, String errorId) {
        Label label = new Label(Messages.get(labelKey));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setPadding(new Insets(5, 0, 0, 0));
        GridPane.setValignment(label, VPos.TOP);
        GridPane.setHgrow(field, Priority.ALWAYS);
        form.add(label, 0, row);
        form.add(field, 1, row);
        Label errorLabel = Controls.errorLabel(error);
        errorLabel.setId(errorId);
        form.add(errorLabel, 1, row + 1);
        return row + 2;
    }
}
