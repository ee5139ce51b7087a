package com.keydesk.ui.password;

import com.keydesk.ui.Controls;
import com.keydesk.ui.FieldDecorations;
import com.keydesk.ui.FormButtons;
import com.keydesk.ui.Messages;
import com.keydesk.ui.start.NewPasswordFields;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The change-password dialog; closes once the new password is stored. */
public final class ChangePasswordView {
    private ChangePasswordView() {
    }

    public static void showAndWait(Window owner, ChangePasswordViewModel vm) {
        PasswordField current = field("currentPasswordField", vm.currentProperty());
        FieldDecorations marks = new FieldDecorations();
        marks.watch(current, vm.currentErrorProperty());
        NewPasswordFields fresh = NewPasswordFields.of(vm.newPassword(), "newPasswordField", "repeatPasswordField", marks);
        PasswordField password = fresh.password();
        PasswordField repeat = fresh.repeat();

        FormButtons buttons = FormButtons.of("changePasswordButton", Messages.get("password.button"), vm.canChangeProperty(),
                vm::change, vm.busyProperty());

        Label heading = new Label(Messages.get("password.heading"));
        heading.getStyleClass().add("title-3");
        VBox fields = new VBox(6,
                label("password.current", current), current, error(vm.currentErrorProperty(), "currentPasswordError"),
                label("password.new", password), password, fresh.strength(), error(vm.newPassword().errorProperty(), "newPasswordError"),
                label("password.repeat", repeat), repeat, error(vm.newPassword().repeatErrorProperty(), "repeatPasswordError"),
                error(vm.formErrorProperty(), "changePasswordError"));
        fields.disableProperty().bind(vm.busyProperty());
        VBox root = new VBox(14, heading, fields, buttons.row());
        root.setPadding(new Insets(20));
        root.setPrefWidth(440);

        buttons.showAndWait(owner, Messages.get("password.title"), root, vm.changedProperty(), current);
    }

    private static PasswordField field(String id, javafx.beans.property.StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label label(String key, PasswordField field) {
        Label label = new Label(Messages.get(key));
        label.setLabelFor(field);
        return label;
    }

    private static Label error(ObservableValue<String> text, String id) {
        Label label = Controls.errorLabel(text);
        label.setId(id);
        return label;
    }
}
