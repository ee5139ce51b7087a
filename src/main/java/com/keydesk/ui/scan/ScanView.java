package com.keydesk.ui.scan;

import com.keydesk.ui.Columns;
import com.keydesk.ui.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** "Scan for leaked keys…": the folder button, progress with Cancel, and the table of findings. */
public final class ScanView extends BorderPane {
    private final TableView<ScanRow> table = new TableView<>();

    public ScanView(ScanViewModel vm) {
        setId("scanScreen");
        Label title = new Label(Messages.get("scan.title"));
        title.getStyleClass().add("title-3");
        Button choose = new Button(Messages.get("scan.choose"), new FontIcon("mdi2f-folder-search-outline"));
        choose.setId("scanFolderButton");
        choose.getStyleClass().add("accent");
        choose.setOnAction(e -> vm.chooseFolderAndScan());
        choose.disableProperty().bind(vm.runningProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label progress = new Label();
        progress.setId("scanProgress");
        progress.textProperty().bind(vm.progressProperty());
        progress.setMaxWidth(600);
        Button cancel = new Button(Messages.get("scan.cancel"));
        cancel.setId("scanCancelButton");
        cancel.setOnAction(e -> vm.cancel());
        HBox running = new HBox(8, spinner, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(vm.runningProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label summary = new Label();
        summary.setId("scanSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.visibleProperty().bind(vm.runningProperty().not());
        summary.managedProperty().bind(summary.visibleProperty());

        Button revoke = new Button(Messages.get("scan.revokeSelected"), new FontIcon("mdi2d-delete-forever-outline"));
        revoke.setId("scanRevokeButton");
        revoke.getStyleClass().add("danger");
        revoke.disableProperty().bind(vm.canRevokeProperty().not());
        revoke.setOnAction(e -> vm.revokeSelected());
        Button replace = new Button(Messages.get("scan.replaceSelected"), new FontIcon("mdi2k-key-change"));
        replace.setId("scanReplaceButton");
        replace.disableProperty().bind(vm.canReplaceProperty().not());
        replace.setOnAction(e -> vm.replaceSelected());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, choose, spacer, revoke, replace);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        table.setId("scanTable");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(Messages.get("scan.empty")));
        table.getColumns().setAll(List.of(
                Columns.of("scan.column.file", ScanRow::file, 320),
                Columns.of("scan.column.position", ScanRow::position, 80),
                Columns.of("scan.column.key", ScanRow::masked, 230),
                Columns.of("scan.column.name", ScanRow::keyText, 200),
                status()));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ScanRow>) c ->
                vm.selected().setAll(table.getSelectionModel().getSelectedItems()));
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox content = new VBox(10, title, toolbar, running, summary, table);
        content.setPadding(new Insets(16));
        setCenter(content);
    }

    private static TableColumn<ScanRow, ScanStatus> status() {
        TableColumn<ScanRow, ScanStatus> column = new TableColumn<>(Messages.get("scan.column.status"));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        column.setPrefWidth(120);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(ScanStatus status, boolean empty) {
                super.updateItem(status, empty);
                if (empty || status == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(status.text());
                badge.getStyleClass().setAll("badge", status.styleClass());
                setGraphic(badge);
            }
        });
        return column;
    }
}
