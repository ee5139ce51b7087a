package com.keydesk.ui.start;

import com.keydesk.ui.FieldDecorations;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/**
 * A {@link NewPassword} on screen, alike in every form that sets one: the password and its repeat,
 * each marked with its sentence, and the strength hint under the password ({@code #strengthHint}).
 * The form places them.
 */
public record NewPasswordFields(PasswordField password, PasswordField repeat, Label strength) {
    public static NewPasswordFields of(NewPassword vm, String passwordId, String repeatId, FieldDecorations marks) {
        PasswordField password = new PasswordField();
        password.setId(passwordId);
        password.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId(repeatId);
        repeat.textProperty().bindBidirectional(vm.repeatProperty());
        Label strength = new Label();
        strength.setId("strengthHint");
        strength.getStyleClass().add("hint");
        strength.setWrapText(true);
        strength.textProperty().bind(vm.strengthProperty());
        marks.watch(password, vm.errorProperty());
        marks.watch(repeat, vm.repeatErrorProperty());
        return new NewPasswordFields(password, repeat, strength);
    }
}
