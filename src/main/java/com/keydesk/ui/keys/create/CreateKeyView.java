package com.keydesk.ui.keys.create;

import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.Controls;
import com.keydesk.ui.FieldDecorations;
import com.keydesk.ui.Messages;
import com.keydesk.ui.Windows;
import com.keydesk.ui.keys.text.PermissionText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The create-key form: binds to {@link CreateKeyViewModel}, closes when the key exists. */
public final class CreateKeyView {
    private CreateKeyView() {
    }

    public static void showAndWait(Window owner, CreateKeyViewModel vm) {
        boolean site = vm.type() == KeyType.SITE;
        FieldDecorations marks = new FieldDecorations();
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        int row = 0;

        TextField name = new TextField();
        name.setId("nameField");
        name.setPromptText(Messages.get("create.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        row = addRow(form, row, "create.name", marks.watch(name, vm.errors().name), vm.errors().name);

        TextArea description = new TextArea();
        description.setId("descriptionField");
        description.setPrefRowCount(2);
        description.setWrapText(true);
        com.keydesk.ui.Controls.tabLeaves(description);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        row = addRow(form, row, "create.description", marks.watch(description, vm.errors().description),
                vm.errors().description);

        // The owner's list of names floats on this layer, over the form, inside the dialog's scene.
        Pane overlay = new Pane();
        overlay.setPickOnBounds(false);   // where it draws nothing, clicks go through to the form
        if (!site) {
            row = addRow(form, row, "create.owner", ownerField(vm, marks, overlay), vm.errors().owner);
            ComboBox<PermissionSet> permission = new ComboBox<>();
            permission.setId("permissionField");
            permission.getItems().setAll(vm.permissionChoices());
            PermissionText.describeChoices(permission);
            permission.valueProperty().bindBidirectional(vm.permissionProperty());
            marks.watch(permission, vm.errors().permission);
            Label about = new Label();
            about.setId("permissionAbout");
            about.getStyleClass().add("hint");
            about.setWrapText(true);
            about.textProperty().bind(Bindings.createStringBinding(() -> PermissionText.about(permission.getValue()),
                    permission.valueProperty()));
            row = addRow(form, row, "create.permission", new VBox(4, permission, about), vm.errors().permission);
        }

        ComboBox<ExpiryPreset> expiry = new ComboBox<>(vm.expiryChoices());
        expiry.setId("expiryField");
        expiry.valueProperty().bindBidirectional(vm.expiryPresetProperty());
        marks.watch(expiry, vm.errors().expiry);
        DatePicker date = new DatePicker();
        date.setId("expiryDate");
        date.valueProperty().bindBidirectional(vm.expiryDateProperty());
        date.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(java.time.LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item == null || !vm.isSelectableDate(item));
            }
        });
        Controls.onTypedDate(date, vm::typedExpiryDate);
        date.visibleProperty().bind(vm.expiryPresetProperty().isEqualTo(ExpiryPreset.DATE));
        date.managedProperty().bind(date.visibleProperty());
        HBox expiryRow = new HBox(8, expiry, date);
        Label limited = new Label();
        limited.setId("expiryLimitHint");
        limited.getStyleClass().add("hint");
        limited.setWrapText(true);
        limited.textProperty().bind(Bindings.createStringBinding(() -> {
            var limit = vm.expiryLimitProperty().get();
            return limit == null || limit.maxDays() == null ? "" : Messages.format("create.expires.limited", limit.maxDays());
        }, vm.expiryLimitProperty()));
        limited.visibleProperty().bind(limited.textProperty().isNotEmpty());
        limited.managedProperty().bind(limited.visibleProperty());
        row = addRow(form, row, "create.expires", new VBox(4, expiryRow, limited), vm.errors().expiry);

        Label warning = new Label(Messages.get(site ? "create.warning.site" : "create.warning.admin"));
        warning.setWrapText(true);
        VBox warningBox = new VBox(warning);
        warningBox.setId("powerWarning");
        warningBox.getStyleClass().add("warning-box");
        warningBox.visibleProperty().bind(vm.powerWarningProperty());
        warningBox.managedProperty().bind(warningBox.visibleProperty());

        Label formError = Controls.errorLabel(vm.errors().form);
        formError.setId("formError");

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button(Messages.get("button.cancel"));
        cancel.setCancelButton(true);
        Button create = new Button(Messages.get("create.button"));
        create.setId("createButton");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> vm.create());
        Label hint = new Label();
        hint.setId("createHint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.createHintProperty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, busy, hint, cancel, create);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label heading = new Label(Messages.get(site ? "create.heading.site" : "create.heading.user"));
        heading.getStyleClass().add("title-3");
        VBox content = new VBox(14, heading, form, warningBox, formError, buttons);
        content.setPadding(new Insets(20));
        content.setPrefWidth(560);
        StackPane root = new StackPane(content, overlay);

        Stage stage = Windows.modal(owner, Messages.get(site ? "create.title.site" : "create.title.user"), root);
        cancel.setOnAction(e -> stage.close());
        form.disableProperty().bind(vm.busyProperty());
        vm.createdProperty().addListener((o, was, done) -> {
            if (done) {
                stage.close();
            }
        });
        stage.setOnShown(e -> name.requestFocus());
        vm.load();
        stage.showAndWait();
    }

    private static Node ownerField(CreateKeyViewModel vm, FieldDecorations marks, Pane overlay) {
        if (!vm.choosesOwner()) {
            Label self = new Label(vm.ownerProperty().get());
            self.setId("ownerFixed");
            return self;
        }
        TextField search = new TextField();
        search.setId("ownerField");
        search.setPromptText(Messages.get("create.owner.prompt"));
        search.textProperty().bindBidirectional(vm.ownerProperty());
        marks.watch(search, vm.errors().owner);
        OwnerPicker.attach(search, vm, overlay);
        return search;
    }

    private static int addRow(GridPane form, int row, String labelKey, Node field, StringProperty error) {
        Label label = new Label(Messages.get(labelKey));
        label.setLabelFor(field);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new Insets(5, 0, 0, 0));
        GridPane.setHgrow(field, Priority.ALWAYS);
        form.add(label, 0, row);
        form.add(field, 1, row);
        form.add(Controls.errorLabel(error), 1, row + 1);
        return row + 2;
    }


}
