package com.keydesk.ui.keys;

import com.keydesk.domain.KeyTableQuery;
import com.keydesk.ui.Controls;
import com.keydesk.ui.Refusable;
import com.keydesk.ui.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A key table with its toolbar, search, status filter, count, context menu and shortcuts. */
public final class KeyTableView extends BorderPane {
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final KeyTableViewModel vm;
    private final TableView<KeyRow> table = new TableView<>();
    private final TextField search = new TextField();

    public KeyTableView(KeyTableViewModel vm) {
        this.vm = vm;
        KeyActions actions = vm.actions();
        getStyleClass().add("key-table-view");
        setId("keys-" + vm.scope().name().toLowerCase(java.util.Locale.ROOT));

        Button create = Controls.button("newKeyButton", "keys.new", "mdi2p-plus", vm::newKey);
        create.getStyleClass().add("accent");
        create.visibleProperty().bind(vm.canCreateProperty());
        create.managedProperty().bind(create.visibleProperty());
        Button toggle = Controls.button("toggleButton", null, "mdi2p-power", actions::toggleEnabled);
        toggle.textProperty().bind(actions.toggleTextProperty());
        toggle.disableProperty().bind(actions.canToggleProperty().not());
        Button replace = Controls.button("replaceButton", "action.replace", "mdi2k-key-change", actions::replace);
        replace.setTooltip(new Tooltip(Messages.get("action.replace.tooltip")));
        replace.disableProperty().bind(actions.canReplaceProperty().not());
        replace.visibleProperty().bind(vm.canCreateProperty());
        replace.managedProperty().bind(replace.visibleProperty());
        Button revoke = Controls.button("revokeButton", "action.revoke", "mdi2d-delete-outline", actions::revoke);
        revoke.disableProperty().bind(actions.canRevokeProperty().not());
        revoke.visibleProperty().bind(vm.canCreateProperty());
        revoke.managedProperty().bind(revoke.visibleProperty());
        Button details = Controls.button("detailsButton", "action.details", "mdi2i-information-outline", vm::showDetails);
        details.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.selected()).isNotEqualTo(1));

        search.setId("searchField");
        // with more keys than it holds the table searches by the store's rule, and says which
        search.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.pagedProperty())
                .then(Messages.get("keys.search.paged")).otherwise(Messages.get("keys.search")));
        Tooltip searchTip = new Tooltip();
        searchTip.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pagedProperty())
                .then(Messages.get("keys.search.paged.tooltip")).otherwise(Messages.get("keys.search.tooltip")));
        search.setTooltip(searchTip);
        search.setPrefWidth(240);
        search.setMinWidth(140);
        search.textProperty().bindBidirectional(vm.searchProperty());
        // Down goes from the search to the keys it found, as in a browser's or mail client's search:
        // by Tab it takes four steps, through the status filter, Inactive and Refresh
        search.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);   // the first key found, ready for Enter
                }
                focusTable();
            }
        });
        ComboBox<StatusFilter> status = new ComboBox<>();
        status.setId("statusFilter");
        status.getItems().setAll(vm.statusChoices());
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Button inactive = Controls.button("inactiveButton", "keys.inactive", "mdi2h-history", vm::showInactive);
        inactive.setTooltip(new Tooltip(Messages.get("keys.inactive.tooltip")));
        Button refresh = Controls.button("refreshButton", null, "mdi2r-refresh", vm::reload);
        refresh.setTooltip(new Tooltip(Messages.get("keys.refresh")));
        refresh.setAccessibleText(Messages.get("keys.refresh"));

        com.keydesk.ui.WrappingToolbar toolbar = new com.keydesk.ui.WrappingToolbar(
                java.util.List.of(create, Refusable.explained(toggle, actions.toggleReasonProperty()),
                        Refusable.explained(replace, actions.replaceReasonProperty()),
                        Refusable.explained(revoke, actions.revokeReasonProperty()), details),
                java.util.List.of(search, status, inactive, refresh));
        toolbar.setId("keyToolbar");
        for (Button action : java.util.List.of(toggle, replace, revoke, details)) {
            focusTableWhenDisabled(action);
        }

        buildTable();
        HBox footer = Controls.countFooter("keyCount", vm.countProperty());
        Label selectedCount = new Label();
        selectedCount.setId("selectedCount");
        selectedCount.getStyleClass().add("hint");
        selectedCount.textProperty().bind(vm.selectedCountProperty());
        footer.getChildren().add(selectedCount);

        setTop(new VBox(toolbar, hiddenNotice()));
        setCenter(table);
        setBottom(footer);
        setPadding(new Insets(14));

    }

    /** A key just made that the search or status filter hides: one sentence, and a link that shows it. */
    private HBox hiddenNotice() {
        Label sentence = new Label();
        sentence.setId("hiddenNotice");
        sentence.setWrapText(true);
        sentence.textProperty().bind(vm.hiddenNoticeProperty());
        javafx.scene.control.Hyperlink show = new javafx.scene.control.Hyperlink(Messages.get("keys.showHidden"));
        show.setId("showHiddenKey");
        show.setOnAction(e -> vm.showHiddenKey());
        HBox notice = new HBox(8, new FontIcon("mdi2f-filter-outline"), sentence, show);
        notice.setId("hiddenNoticeBar");
        notice.getStyleClass().add("notice-bar");
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.setPadding(new Insets(6, 0, 0, 0));
        notice.visibleProperty().bind(vm.hiddenNoticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    /** Ctrl+N and Ctrl+F work wherever the focus is in the window; the main view forwards them here. */
    public void handleShortcut(javafx.scene.input.KeyEvent e) {
        if (NEW.match(e)) {
            e.consume();
            vm.newKey();
        } else if (FIND.match(e)) {
            e.consume();
            search.requestFocus();
            search.selectAll();
        }
    }

    /**
     * An action done without a dialog (Disable, Enable) makes its button briefly unusable while
     * the service is asked again what the selection allows; JavaFX then hands the focus on to the
     * next button (Details), away from the keys. The focus goes back to the table and its
     * selected row instead, where a keyboard user continues.
     */
    private void focusTableWhenDisabled(Button action) {
        action.disabledProperty().addListener((o, was, disabled) -> {
            if (disabled && action.isFocused() && getScene() != null) {
                table.requestFocus();
            }
        });
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getFocusModel().focus(0);
        }
    }

    private void buildTable() {
        table.setId("keyTable");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Every column has room for its longest usual value ("office_integration", "Expiring soon",
        // a full key label, "demo000042", "Mar 30, 2027") and never gets narrower, but the key's
        // label: on a small screen (1024 wide) it gives its room to the name, what a person reads
        // first, and is cut in the middle (its start and last characters stay). "Created" and then
        // "Last used" step aside. The widths fit DejaVu Sans, the widest of the usual fonts.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<KeyRow, String> name = KeyColumns.name("column.name", KeyRow::name, 180);
        name.setMinWidth(180);
        table.getColumns().add(name);
        TableColumn<KeyRow, String> label = KeyColumns.label();
        label.setPrefWidth(172);
        label.setMinWidth(116);
        table.getColumns().add(label);
        if (vm.scope().showsOwner()) {
            table.getColumns().add(KeyColumns.fixed(KeyColumns.name("column.owner", KeyRow::owner, 108), 108));
        }
        table.getColumns().add(KeyColumns.fixed(KeyColumns.text("column.permission", KeyRow::permissionText, 138), 138));
        table.getColumns().add(KeyColumns.fixed(KeyColumns.status(), 118));
        TableColumn<KeyRow, ?> expires = KeyColumns.fixed(KeyColumns.time("column.expires", KeyRow::expiresAt, vm::now, null), 108);
        table.getColumns().add(expires);
        TableColumn<KeyRow, ?> lastUsed = KeyColumns.fixed(
                KeyColumns.time("column.lastUsed", KeyRow::lastUseAt, vm::now, null), 108);
        TableColumn<KeyRow, ?> created = KeyColumns.fixed(KeyColumns.created(), 108);
        table.getColumns().add(lastUsed);
        table.getColumns().add(created);
        com.keydesk.ui.ColumnsThatGiveWay.install(table, java.util.List.of(created, lastUsed));
        // what the store can order a table read a page at a time by; other columns are not sortable then
        java.util.Map<TableColumn<KeyRow, ?>, KeyTableQuery.Order> storeOrders = java.util.Map.of(
                name, KeyTableQuery.Order.NAME, expires, KeyTableQuery.Order.EXPIRES, lastUsed, KeyTableQuery.Order.LAST_USE, created, KeyTableQuery.Order.CREATED);
        // The view model sorts (once per click on a header) so that filtering keeps the order
        // without sorting 90,000 rows per keystroke; a table read a page at a time is sorted by the store.
        table.setSortPolicy(t -> {
            if (vm.pagedProperty().get()) {
                TableColumn<KeyRow, ?> by = t.getSortOrder().isEmpty() ? null : t.getSortOrder().getFirst();
                vm.sortPagedBy(by == null ? null : storeOrders.get(by), by != null && by.getSortType() == TableColumn.SortType.DESCENDING);
            } else {
                vm.sortBy(t.getComparator());
            }
            return true;
        });
        PagedColumns.install(table, storeOrders.keySet(), vm.pagedProperty(), KeyTableViewModel::pagedAbove);
        table.setItems(vm.pagedProperty().get() ? vm.pagedRows() : vm.visibleRows());
        vm.pagedProperty().addListener((o, was, paged) -> {
            table.setItems(paged ? vm.pagedRows() : vm.visibleRows());
            reselect();
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<KeyRow>) change -> {
            if (!vm.isRefiltering()) {
                vm.selectedInTable(table.getSelectionModel().getSelectedItems());
            }
        });
        // a page read in place (rows replaced, not moved): the table's selection stays where it is and its keys are taken again
        vm.pagedRows().addListener((ListChangeListener<KeyRow>) change -> {
            boolean updateOnly = true;
            while (change.next()) {
                updateOnly &= change.wasUpdated();
            }
            if (updateOnly && !vm.isRefiltering()) {
                vm.selectedInTable(table.getSelectionModel().getSelectedItems());
            }
        });
        // another table (search, sort, reload): the keys the view model kept are selected again
        vm.pagesReplacedProperty().addListener((o, was, now) -> reselect());
        // Added after setItems, so it runs after the table has cleared its selection for the new rows.
        vm.visibleRows().addListener((ListChangeListener<KeyRow>) change -> {
            if (vm.isPatching()) {
                keepFirstRowInView(change);
            }
            if (!vm.pagedProperty().get()) {
                reselect();
            }
        });
        // a key just made here: its row is selected (the view model kept it so) and scrolled to
        vm.revealedProperty().addListener((o, was, row) -> {
            if (row != null) {
                int index = vm.indexShown(row);
                if (index >= 0) {
                    table.scrollTo(Math.max(0, index - 2));
                    table.getSelectionModel().clearAndSelect(index);
                    table.getFocusModel().focus(index);
                }
            }
        });
        table.setPlaceholder(placeholder());
        table.setContextMenu(contextMenu());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.showDetails();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                vm.actions().revoke();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<KeyRow>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.showDetails();
                }
            });
            return row;
        });
    }

    /**
     * Others' changes patched in: the row at the top of the view stays at the top, so a key made
     * above it does not push what the person is reading down a line.
     */
    private void keepFirstRowInView(ListChangeListener.Change<? extends KeyRow> change) {
        if (!(table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)
                || flow.getFirstVisibleCell() == null || !change.next()) {
            return;
        }
        int was = flow.getFirstVisibleCell().getIndex();
        java.util.List<? extends KeyRow> before = change.getRemoved();
        change.reset();
        if (was <= 0 || was >= before.size()) {
            return;   // at the top, a new key at the top is worth seeing
        }
        long anchor = before.get(was).id();
        var rows = vm.visibleRows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == anchor) {
                if (i != was) {
                    table.scrollTo(i);
                }
                return;
            }
        }
    }

    /** Selects in the table what the view model kept selected after a filter, sort or reload. */
    private void reselect() {
        var model = table.getSelectionModel();
        if (vm.selected().isEmpty()) {
            if (!model.isEmpty()) {
                model.clearSelection();
            }
            return;
        }
        int[] indices = new int[vm.selected().size()];
        int found = 0;
        if (vm.pagedProperty().get()) {
            for (KeyRow row : vm.selected()) {   // among the pages read: never every row of a million
                int at = vm.indexShown(row);
                if (at >= 0) {
                    indices[found++] = at;
                }
            }
            java.util.Arrays.sort(indices, 0, found);
        } else {
            java.util.Set<KeyRow> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            wanted.addAll(vm.selected());
            var items = vm.visibleRows();
            for (int i = 0; i < items.size() && found < indices.length; i++) {
                if (wanted.contains(items.get(i))) {
                    indices[found++] = i;
                }
            }
        }
        model.clearSelection();
        if (found > 0) {
            model.selectIndices(indices[0], java.util.Arrays.copyOfRange(indices, 1, found));
            table.getFocusModel().focus(indices[0]);
        }
    }

    /** No keys at all: invite to create the first one. Keys, but none match: say so. */
    private StackPane placeholder() {
        Label title = new Label(Messages.get("keys.empty.title"));
        title.getStyleClass().add("title");
        Label sentence = new Label(Messages.get(vm.scope() == KeyScope.SITE_KEYS ? "keys.empty.site" : "keys.empty.user"));
        sentence.setWrapText(true);
        sentence.setMaxWidth(420);
        Button first = Controls.button("createFirstButton", "keys.empty.create", "mdi2p-plus", vm::newKey);
        first.getStyleClass().add("accent");
        first.visibleProperty().bind(vm.canCreateProperty());
        VBox empty = new VBox(10, new FontIcon("mdi2k-key-outline"), title, sentence, first);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(vm.emptyProperty());
        Label noMatch = new Label(Messages.get("keys.noMatch"));
        noMatch.setId("noMatch");
        noMatch.visibleProperty().bind(vm.emptyProperty().not());
        return new StackPane(empty, noMatch);
    }

    private ContextMenu contextMenu() {
        MenuItem details = new MenuItem(Messages.get("action.details"));
        details.setOnAction(e -> vm.showDetails());
        MenuItem toggle = new MenuItem();
        toggle.textProperty().bind(vm.actions().toggleTextProperty());
        toggle.disableProperty().bind(vm.actions().canToggleProperty().not());
        toggle.setOnAction(e -> vm.actions().toggleEnabled());
        MenuItem replace = new MenuItem(Messages.get("action.replace"));
        replace.disableProperty().bind(vm.actions().canReplaceProperty().not());
        replace.setOnAction(e -> vm.actions().replace());
        MenuItem revoke = new MenuItem(Messages.get("action.revoke"));
        revoke.disableProperty().bind(vm.actions().canRevokeProperty().not());
        revoke.setOnAction(e -> vm.actions().revoke());
        return new ContextMenu(details, toggle, new SeparatorMenuItem(), replace, revoke);
    }

}
