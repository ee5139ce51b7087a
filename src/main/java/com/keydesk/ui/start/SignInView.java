package com.keydesk.ui.start;

import com.keydesk.ui.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in screen. */
public final class SignInView extends StackPane {
    public SignInView(SignInViewModel vm) {
        TextField username = new TextField();
        username.setId("usernameField");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Button signIn = new Button(Messages.get("signin.button"));
        signIn.setId("signInButton");
        HBox buttons = StartViews.actionRow(signIn, vm.canSignInProperty(), vm.busyProperty(), vm::signIn);

        var error = StartViews.error(vm.errorProperty());
        error.setId("signInError");
        VBox card = new VBox(6,
                StartViews.brand(javafx.beans.binding.Bindings.createStringBinding(() -> vm.siteNameProperty().get().isBlank()
                        ? Messages.get("signin.heading") : Messages.format("signin.heading.site", vm.siteNameProperty().get()),
                        vm.siteNameProperty()), Messages.format("signin.sentence", vm.location())),
                StartViews.fieldLabel("signin.username", username), username,
                StartViews.fieldLabel("signin.password", password), password,
                error, buttons);
        StartViews.place(this, card, vm.stores(), vm.busyProperty(), username);
        // After a wrong password the person types the password again: the caret waits there.
        vm.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                password.requestFocus();
            }
        });
        vm.load();
    }
}
