package com.keydesk.ui.start;

import com.keydesk.ui.FieldDecorations;
import com.keydesk.ui.Messages;
import javafx.scene.control.Button;
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
        username.textProperty().bindBidirectional(vm.account().usernameProperty());
        TextField displayName = new TextField();
        displayName.setId("displayNameField");
        displayName.textProperty().bindBidirectional(vm.account().displayNameProperty());
        FieldDecorations marks = new FieldDecorations();
        marks.watch(site, vm.siteErrorProperty());
        marks.watch(username, vm.account().usernameErrorProperty());
        marks.watch(displayName, vm.account().displayNameErrorProperty());
        NewPasswordFields fresh = NewPasswordFields.of(vm.account().password(), "passwordField", "repeatField", marks);
        PasswordField password = fresh.password();
        PasswordField repeat = fresh.repeat();

        Button create = new Button(Messages.get("setup.create"));
        create.setId("createStoreButton");
        HBox buttons = StartViews.actionRow(create, vm.canCreateProperty(), vm.busyProperty(), vm::create);

        VBox card = new VBox(6,
                StartViews.brand("setup.heading", Messages.format("setup.sentence", storeLocation)),
                StartViews.fieldLabel("setup.site", site), site, StartViews.error(vm.siteErrorProperty()),
                StartViews.fieldLabel("setup.username", username), username, StartViews.error(vm.account().usernameErrorProperty()),
                StartViews.fieldLabel("setup.displayName", displayName), displayName,
                StartViews.error(vm.account().displayNameErrorProperty()),
                StartViews.fieldLabel("setup.password", password), password, fresh.strength(),
                StartViews.error(vm.account().password().errorProperty()),
                StartViews.fieldLabel("setup.repeat", repeat), repeat, StartViews.error(vm.account().password().repeatErrorProperty()),
                StartViews.error(vm.formErrorProperty()), buttons);
        StartViews.place(this, card, vm.stores(), vm.busyProperty(), site);
    }
}
