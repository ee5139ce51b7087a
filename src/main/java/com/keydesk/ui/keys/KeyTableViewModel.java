package com.keydesk.ui.keys;

import com.keydesk.domain.ApiKey;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.create.CreateKeyViewModel;
import com.keydesk.ui.keys.details.KeyDetailsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One key table (site keys, user keys or my keys): loading, search, status filter, count and
 * the verbs on the selection. The derived lists are fields so they are never collected while
 * the table shows them. Disable, enable, revoke and replace live in {@link KeyActions}.
 */
public final class KeyTableViewModel {
    private final SignedIn ctx;
    private final KeyScope scope;
    private final KeyDialogs keyDialogs;
    private final boolean admin;
    private final ReadOnlyBooleanProperty mayManage;
    private final ZoneId zone;

    private final ObservableList<KeyRow> rows = FXCollections.observableArrayList();
    private final FilteredList<KeyRow> filtered = new FilteredList<>(rows);
    private final SortedList<KeyRow> sorted = new SortedList<>(filtered);
    private final ObservableList<KeyRow> selected = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final StringBinding count;
    private final BooleanBinding empty;
    private final BooleanBinding canCreate;
    private final KeyActions actions;
    /** Rows shown before the whole list has loaded. */
    static final int FIRST_PAGE = 200;
    private long loads;

    public KeyTableViewModel(SignedIn ctx, KeyScope scope, KeyDialogs keyDialogs, boolean admin,
                             ReadOnlyBooleanProperty mayManage, ZoneId zone) {
        this.ctx = ctx;
        this.scope = scope;
        this.keyDialogs = keyDialogs;
        this.admin = admin;
        this.mayManage = mayManage;
        this.zone = zone;
        search.addListener((o, a, b) -> refilter());
        statusFilter.addListener((o, a, b) -> refilter());
        count = Bindings.createStringBinding(() -> filtered.size() == rows.size()
                ? Messages.format("keys.count", rows.size())
                : Messages.format("keys.countFiltered", filtered.size(), rows.size()), filtered, rows);
        empty = Bindings.createBooleanBinding(() -> loaded.get() && rows.isEmpty(), loaded, rows);
        canCreate = Bindings.createBooleanBinding(mayManage::get, mayManage);
        actions = new KeyActions(ctx, keyDialogs, selected, admin, mayManage, this::reload);
    }

    /**
     * Loads in two steps so a large store shows rows at once: the newest {@link #FIRST_PAGE} keys,
     * then all of them. Rows (and their search text) are built off the FX thread; the FX thread
     * only swaps the list. Busy stays on until everything is in.
     */
    public void reload() {
        busy.set(true);
        long generation = ++loads;
        ctx.tasks().run(() -> rowsOf(FIRST_PAGE), firstPage -> {
            if (generation == loads && !loaded.get()) {
                rows.setAll(firstPage);
            }
            if (firstPage.size() < FIRST_PAGE) {
                finishLoad(generation, firstPage);
            } else {
                ctx.tasks().run(() -> rowsOf(Integer.MAX_VALUE), all -> finishLoad(generation, all), this::loadFailed);
            }
        }, this::loadFailed);
    }

    private List<KeyRow> rowsOf(int limit) {
        Instant now = ctx.clock().instant();
        return ctx.services().keys().list(ctx.session(), scope.queryType(), limit).stream()
                .map(k -> KeyRow.of(k, now)).toList();
    }

    private void finishLoad(long generation, List<KeyRow> all) {
        if (generation != loads) {
            return;   // a newer reload is on its way
        }
        rows.setAll(all);
        busy.set(false);
        loaded.set(true);
    }

    private void loadFailed(Throwable failure) {
        busy.set(false);
        ctx.dialogs().showError(Messages.get("keys.loadFailed"), ErrorText.sentence(failure),
                ErrorText.isExpected(failure) ? null : failure);
    }

    /** Opens the create dialog and, if a key was made, the copy-now dialog; then reloads. */
    public void newKey() {
        if (!canCreate.get()) {
            return;
        }
        CreateKeyViewModel form = new CreateKeyViewModel(ctx, scope.typeCreated(), admin, zone);
        keyDialogs.showCreateKey(form);
        var copyNow = form.takeResult();
        if (copyNow != null) {
            reload();
            keyDialogs.showCopyNow(copyNow);
        }
    }

    /** The details of the one selected key. */
    public void showDetails() {
        if (selected.size() != 1) {
            return;
        }
        ApiKey key = selected.getFirst().key();
        KeyDetailsViewModel details = new KeyDetailsViewModel(ctx, key, mayManage.get(), zone);
        keyDialogs.showDetails(details);
        if (details.savedProperty().get()) {
            reload();
        }
    }

    private void refilter() {
        String query = search.get();
        StatusFilter status = statusFilter.get();
        filtered.setPredicate(row -> row.matches(query) && status.accepts(row.status()));
    }

    public List<StatusFilter> statusChoices() {
        return List.of(StatusFilter.values());
    }

    public KeyScope scope() { return scope; }
    public boolean admin() { return admin; }
    public KeyActions actions() { return actions; }
    public ObservableList<KeyRow> rows() { return rows; }
    public SortedList<KeyRow> sortedRows() { return sorted; }
    public FilteredList<KeyRow> filteredRows() { return filtered; }
    public ObservableList<KeyRow> selected() { return selected; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<StatusFilter> statusFilterProperty() { return statusFilter; }
    public BooleanProperty busyProperty() { return busy; }
    public StringBinding countProperty() { return count; }
    public BooleanBinding emptyProperty() { return empty; }
    public BooleanBinding canCreateProperty() { return canCreate; }
    public Instant now() { return ctx.clock().instant(); }
}
