package com.keydesk.ui.start;

import com.keydesk.ui.FieldDecorations;
import com.keydesk.ui.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first-start screen. */
public final class SetupView extends StackPane {
    public SetupView(SetupViewModel vm, String storeLocation) {
        TextField site = new TextField();
        site.setId("siteNameField");
        site.textProperty().bindBidirectional(vm.siteNameProperty());
        site.focusedProperty().addListener((o, was, focused) -> {
            if (was && !focused) {
                vm.leftSiteName();
            }
        });
        TextField username = new TextField();
        username.setId("usernameField");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        TextField displayName = new TextField();
        displayName.setId("displayNameField");
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());
        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("repeatField");
        repeat.textProperty().bindBidirectional(vm.repeatProperty());
        Label strength = new Label();
        strength.setId("strengthHint");
        strength.getStyleClass().add("hint");
        strength.setWrapText(true);
        strength.textProperty().bind(vm.strengthProperty());

        FieldDecorations marks = new FieldDecorations();
        marks.watch(site, vm.siteErrorProperty());
        marks.watch(username, vm.usernameErrorProperty());
        marks.watch(displayName, vm.displayNameErrorProperty());
        marks.watch(password, vm.passwordErrorProperty());
        marks.watch(repeat, vm.repeatErrorProperty());

        Button create = new Button(Messages.get("setup.create"));
        create.setId("createStoreButton");
        HBox buttons = StartViews.actionRow(create, vm.canCreateProperty(), vm.busyProperty(), vm::create);

        VBox card = new VBox(6,
                StartViews.brand("setup.heading", Messages.format("setup.sentence", storeLocation)),
                StartViews.fieldLabel("setup.site", site), site, StartViews.error(vm.siteErrorProperty()),
                StartViews.fieldLabel("setup.username", username), username, StartViews.error(vm.usernameErrorProperty()),
                StartViews.fieldLabel("setup.displayName", displayName), displayName,
                StartViews.error(vm.displayNameErrorProperty()),
                StartViews.fieldLabel("setup.password", password), password, strength,
                StartViews.error(vm.passwordErrorProperty()),
                StartViews.fieldLabel("setup.repeat", repeat), repeat, StartViews.error(vm.repeatErrorProperty()),
                StartViews.error(vm.formErrorProperty()), buttons);
        StartViews.place(this, card, vm.stores(), vm.busyProperty(), site);
    }
}
