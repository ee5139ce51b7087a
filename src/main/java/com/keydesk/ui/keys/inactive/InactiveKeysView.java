package com.keydesk.ui.keys.inactive;

import com.keydesk.ui.Columns;
import com.keydesk.ui.Controls;
import com.keydesk.ui.Messages;
import com.keydesk.ui.Windows;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;


/** The inactive keys window: a read-only table of revoked and expired keys, newest first. */
public final class InactiveKeysView {
    private InactiveKeysView() {
    }

    public static void showAndWait(Window owner, InactiveKeysViewModel vm) {
        // a heading as every other window has (New key, Add user, Open team store), then what the list is
        Label heading = new Label(Messages.get("inactive.title"));
        heading.setId("inactiveHeading");
        heading.getStyleClass().add("title-3");
        Label intro = new Label(Messages.get("inactive.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");

        TableView<InactiveRow> table = new TableView<>(vm.rows());
        table.setId("inactiveTable");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.of("column.name", InactiveRow::name, 190));
        if (vm.showsOwner()) {
            table.getColumns().add(Columns.of("column.owner", InactiveRow::owner, 110));
        }
        table.getColumns().add(Columns.of("inactive.column.state", InactiveRow::state, 84));
        table.getColumns().add(Columns.of("inactive.column.by", InactiveRow::by, 110));
        // "2026-12-04 02:05" whole, in DejaVu Sans too: the column never gives way
        TableColumn<InactiveRow, String> when = Columns.of("inactive.column.when", InactiveRow::when, 150);
        when.setMinWidth(150);
        table.getColumns().add(when);
        Label empty = new Label(Messages.get("inactive.empty"));
        // "none" only once the list has really loaded: not while loading, not under a failure's sentence
        empty.visibleProperty().bind(vm.busyProperty().not().and(vm.errorProperty().isEmpty()));
        table.setPlaceholder(empty);
        table.setPrefHeight(360);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("inactiveSummary");
        summary.getStyleClass().add("hint");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label zone = new Label(vm.zoneText());
        zone.getStyleClass().add("hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(12, summary, gap, zone);
        footer.setAlignment(Pos.CENTER_LEFT);

        Button close = new Button(Messages.get("button.close"));
        close.setId("inactiveClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, heading, intro, Controls.errorLabel(vm.errorProperty()), table, footer, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(vm.showsOwner() ? 760 : 650);
        Stage stage = Windows.modal(owner, Messages.get("inactive.title"), root);
        close.setOnAction(e -> stage.close());
        vm.load();
        stage.showAndWait();
    }
}
