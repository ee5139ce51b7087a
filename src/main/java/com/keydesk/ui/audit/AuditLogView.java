package com.keydesk.ui.audit;

import com.keydesk.ui.Columns;
import com.keydesk.ui.Controls;
import com.keydesk.domain.AuditEntry;
import com.keydesk.ui.Messages;
import com.keydesk.ui.NaturalOrder;
import com.keydesk.ui.TextCell;
import com.keydesk.ui.audit.AuditLogViewModel.Check;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.function.Function;

/** The audit log screen: filters and the integrity check over the table of entries. */
public final class AuditLogView extends BorderPane {
    private final AuditLogViewModel vm;
    private final TableView<AuditEntry> table = new TableView<>();

    public AuditLogView(AuditLogViewModel vm) {
        this.vm = vm;
        setId("auditScreen");
        ComboBox<String> action = new ComboBox<>(vm.actionChoices());
        action.setId("auditActionFilter");
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return AuditLogViewModel.actionText(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        action.valueProperty().bindBidirectional(vm.actionProperty());
        action.setMinWidth(Region.USE_PREF_SIZE);
        TextField actor = new TextField();
        actor.setId("auditActorFilter");
        actor.setPromptText(Messages.get("audit.actor.prompt"));
        actor.setPrefWidth(150);
        actor.textProperty().bindBidirectional(vm.actorProperty());
        TextField target = new TextField();
        target.setId("auditTargetFilter");
        target.setPromptText(Messages.get("audit.target.prompt"));
        target.setPrefWidth(150);
        target.textProperty().bindBidirectional(vm.targetProperty());
        DatePicker from = datePicker("auditFrom", "audit.from.prompt");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("auditTo", "audit.to.prompt");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button clear = Controls.button("auditClearFilters", "audit.clear", "mdi2f-filter-remove-outline", vm::clearFilters);
        Button verify = Controls.button("verifyButton", "audit.verify", "mdi2s-shield-check-outline", vm::verify);
        verify.disableProperty().bind(vm.busyProperty());
        Button refresh = Controls.button("refreshAuditButton", null, "mdi2r-refresh", vm::reload);
        refresh.setTooltip(new Tooltip(Messages.get("keys.refresh")));
        refresh.setAccessibleText(Messages.get("keys.refresh"));
        HBox period = new HBox(8, from, new Label("–"), to);
        period.setAlignment(Pos.CENTER_LEFT);
        com.keydesk.ui.WrappingToolbar toolbar = new com.keydesk.ui.WrappingToolbar(
                java.util.List.of(action, actor, target, period, clear), java.util.List.of(exportMenu(), verify, refresh));
        toolbar.setPadding(Insets.EMPTY);

        buildTable();
        HBox footer = Controls.countFooter("auditCount", vm.countProperty());
        Label exported = new Label();
        exported.setId("auditExportStatus");
        exported.textProperty().bind(vm.exportStatusProperty());
        footer.getChildren().add(exported);

        VBox top = new VBox(10, toolbar, checkResult());
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);
        setCenter(table);
        setBottom(footer);
        setPadding(new Insets(14));
        vm.reload();
    }

    private MenuButton exportMenu() {
        MenuItem csv = new MenuItem(Messages.get("audit.export.csv"));
        csv.setId("auditExportCsv");
        csv.setOnAction(e -> vm.export(AuditExport.Format.CSV));
        MenuItem json = new MenuItem(Messages.get("audit.export.json"));
        json.setId("auditExportJson");
        json.setOnAction(e -> vm.export(AuditExport.Format.JSON));
        MenuButton export = new MenuButton(Messages.get("audit.export"), new FontIcon("mdi2f-file-export-outline"), csv, json);
        export.setId("auditExport");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.disableProperty().bind(vm.busyProperty());
        return export;
    }

    private HBox checkResult() {
        FontIcon icon = new FontIcon();
        Label text = new Label();
        text.setId("verifyResult");
        text.setWrapText(true);
        text.textProperty().bind(vm.checkTextProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Hyperlink show = new Hyperlink(Messages.get("audit.verify.show"));
        show.setId("showBrokenEntry");
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.visibleProperty().bind(vm.brokenShownProperty());
        show.managedProperty().bind(show.visibleProperty());
        show.setOnAction(e -> {
            AuditEntry broken = vm.revealBroken();
            if (broken != null) {
                table.getSelectionModel().select(broken);
                table.scrollTo(broken);
                table.requestFocus();
            }
        });
        HBox box = new HBox(8, icon, text, show);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.checkProperty().isNotEqualTo(Check.NOT_RUN));
        box.managedProperty().bind(box.visibleProperty());
        vm.checkProperty().addListener((o, a, check) -> {
            box.getStyleClass().removeAll("check-intact", "check-broken");
            if (check == Check.INTACT) {
                box.getStyleClass().add("check-intact");
                icon.setIconLiteral("mdi2s-shield-check");
            } else if (check != Check.NOT_RUN) {
                box.getStyleClass().add("check-broken");
                icon.setIconLiteral("mdi2s-shield-alert");
            }
            table.refresh();
        });
        return box;
    }

    private void buildTable() {
        table.setId("auditTable");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Each column has a minimum that keeps its values readable, and all of them together fit
        // the table of a 1024-wide window (about 790 px): a constrained table cannot scroll
        // sideways, so minimums wider than that pushed Outcome and Detail out of sight. Action and
        // Target give way first, cut with their whole text in a tooltip; Detail takes what is left.
        TableColumn<AuditEntry, Long> seq = atLeast(Columns.of("audit.column.seq", AuditEntry::seq, 56), 48);
        TableColumn<AuditEntry, Instant> time = Columns.of("audit.column.time", AuditEntry::at, 168);
        time.setText(Messages.format("audit.column.time", vm.zoneText()));
        atLeast(time, 172);   // "2026-12-04 11:38:58" whole, never less
        time.setPrefWidth(172);
        time.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                boolean none = empty || at == null;
                setText(none ? null : vm.timeText(at));
                tip.setText(none ? null : vm.timeWithZone(at));
                setTooltip(none ? null : tip);
            }
        });
        table.getColumns().add(seq);
        table.getColumns().add(time);
        table.getColumns().add(atLeast(name("audit.column.actor", AuditEntry::actor, 95), 64));
        table.getColumns().add(atLeast(text("audit.column.action", e -> AuditActions.readable(e.action()), 185), 132));
        // key 9 before key 10
        table.getColumns().add(atLeast(name("audit.column.target", vm::targetText, 215), 140));
        table.getColumns().add(atLeast(text("audit.column.outcome", AuditEntry::outcome, 92), 92));   // its header whole
        table.getColumns().add(atLeast(text("audit.column.detail", AuditEntry::detail, 260), 100));
        // an entry's number whole at any size of log: 101004 was cut to "10…" in a 56 px column
        vm.entries().addListener((javafx.collections.ListChangeListener<AuditEntry>) change -> {
            double width = seqWidth(vm.entries().isEmpty() ? 0 : vm.entries().getLast().seq());
            seq.setMinWidth(width);
            seq.setPrefWidth(Math.max(56, width));
        });
        seq.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(seq);
        vm.sortedEntries().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(vm.sortedEntries());
        table.setPlaceholder(new Label(Messages.get("audit.noMatch")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                boolean broken = !empty && entry != null && entry.seq() == vm.brokenSeqProperty().get();
                getStyleClass().remove("audit-broken");
                if (broken) {
                    getStyleClass().add("audit-broken");
                }
                if (!empty && entry != null && "denied".equals(entry.outcome())) {
                    if (!getStyleClass().contains("audit-denied")) {
                        getStyleClass().add("audit-denied");
                    }
                } else {
                    getStyleClass().remove("audit-denied");
                }
            }
        });
    }

    /** Text with the whole of it in a tooltip when the column is too narrow. */
    private static TableColumn<AuditEntry, String> text(String titleKey, Function<AuditEntry, String> value, double width) {
        TableColumn<AuditEntry, String> column = Columns.of(titleKey, value, width);
        column.setCellFactory(TextCell.plain());
        return column;
    }

    /** Text sorted as people read names and numbers, case ignored. */
    private static TableColumn<AuditEntry, String> name(String titleKey, Function<AuditEntry, String> value, double width) {
        TableColumn<AuditEntry, String> column = text(titleKey, value, width);
        column.setComparator(NaturalOrder.NULLS_LAST);
        return column;
    }

    private static <T> TableColumn<AuditEntry, T> atLeast(TableColumn<AuditEntry, T> column, double width) {
        column.setMinWidth(width);
        return column;
    }

    private static DatePicker datePicker(String id, String promptKey) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(Messages.get(promptKey));
        picker.setPrefWidth(140);
        return picker;
    }

    /** Room for the largest entry number (the entries are oldest first): the cell's padding and 9 px a digit. */
    static double seqWidth(long largest) {
        return Math.max(48, 20 + 9 * Long.toString(largest).length());
    }
}
