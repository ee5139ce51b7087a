package com.keydesk.ui.keys.details;

import com.keydesk.ui.Messages;
import com.keydesk.ui.Windows;
import com.keydesk.ui.Controls;
import com.keydesk.ui.FieldDecorations;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.Map;

/** A key's details: every field, and (when allowed) the edit of name, description and expiry. */
public final class KeyDetailsView {
    private KeyDetailsView() {
    }

    /** A field's label that keeps its whole text (a grid otherwise shrinks it to "…"). */
    private static Label fieldLabel(String key, javafx.scene.Node field) {
        Label label = new Label(Messages.get(key));
        label.setLabelFor(field);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    public static void showAndWait(Window owner, KeyDetailsViewModel vm) {
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> fact : vm.facts().entrySet()) {
            Label label = new Label(fact.getKey());
            label.getStyleClass().add("hint");
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(fact.getValue());
            value.setWrapText(true);
            facts.addRow(row++, label, value);
        }

        TextField name = new TextField();
        name.setId("detailsName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextArea description = new TextArea();
        description.setId("detailsDescription");
        description.setPrefRowCount(2);
        description.setWrapText(true);
        com.keydesk.ui.Controls.tabLeaves(description);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        DatePicker expiry = new DatePicker();
        expiry.setId("detailsExpiry");
        expiry.valueProperty().bindBidirectional(vm.expiryDateProperty());
        expiry.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item == null || !vm.isSelectableDate(item));
            }
        });
        Controls.onTypedDate(expiry, vm::typedExpiryDate);
        CheckBox never = new CheckBox(Messages.get("details.noExpiry"));
        never.setId("detailsNoExpiry");
        never.selectedProperty().bindBidirectional(vm.noExpiryProperty());
        // offered only to who may remove an expiry (the service's answer, see the view model)
        never.setVisible(vm.offersNoExpiry());
        never.setManaged(never.isVisible());
        expiry.disableProperty().bind(vm.noExpiryProperty());

        FieldDecorations marks = new FieldDecorations();
        marks.watch(name, vm.errors().name);
        marks.watch(description, vm.errors().description);
        marks.watch(expiry, vm.errors().expiry);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        form.add(fieldLabel("create.name", name), 0, 0);
        form.add(name, 1, 0);
        form.add(Controls.errorLabel(vm.errors().name), 1, 1);
        form.add(fieldLabel("create.description", description), 0, 2);
        form.add(description, 1, 2);
        form.add(Controls.errorLabel(vm.errors().description), 1, 3);
        form.add(fieldLabel("column.expires", expiry), 0, 4);
        HBox expiryRow = new HBox(10, expiry, never);
        expiryRow.setAlignment(Pos.CENTER_LEFT);
        form.add(expiryRow, 1, 4);
        Label expiryError = Controls.errorLabel(vm.errors().expiry);
        expiryError.setId("detailsExpiryError");
        form.add(expiryError, 1, 5);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(description, Priority.ALWAYS);
        form.setDisable(!vm.mayEdit());

        Label formError = Controls.errorLabel(vm.errors().form);
        formError.setId("detailsError");
        Button close = new Button(Messages.get("button.close"));
        close.setCancelButton(true);
        Button save = new Button(Messages.get("button.save"));
        save.setId("saveButton");
        save.setDefaultButton(true);
        save.setVisible(vm.mayEdit());
        save.disableProperty().bind(vm.changedProperty().not().or(vm.busyProperty())
                .or(vm.errors().name.isNotEmpty()).or(vm.errors().description.isNotEmpty()));
        save.setOnAction(e -> vm.save());
        HBox buttons = new HBox(8, close, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label heading = new Label(vm.keyName());
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);   // a long name whole, on two lines, not cut with "…"
        VBox root = new VBox(12, heading, facts, new Separator(), form, formError, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(600);
        Stage stage = Windows.modal(owner, Messages.get("details.title"), root);
        // Close, Escape and the window's own close button all ask first when something was edited.
        close.setOnAction(e -> {
            if (vm.mayClose()) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!vm.mayClose()) {
                e.consume();
            }
        });
        vm.savedProperty().addListener((o, a, done) -> {
            if (done) {
                stage.close();
            }
        });
        stage.showAndWait();
    }
}
