package com.keydesk.ui.keys;

import com.keydesk.domain.ApiKey;
import com.keydesk.service.KeyChanges;
import com.keydesk.ui.BackgroundWork;
import javafx.beans.property.ReadOnlyBooleanProperty;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.create.CreateKeyViewModel;
import com.keydesk.ui.keys.details.KeyDetailsViewModel;
import com.keydesk.ui.keys.inactive.InactiveKeysViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import com.keydesk.domain.KeyTableQuery;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    private final SwappedList<KeyRow> rows = new SwappedList<>();
    /**
     * What the table shows: filtered and sorted into a plain list and swapped in with one
     * change, because FilteredList/SortedList over 90,000 rows send the table's selection and
     * focus models change events as large as the table on every keystroke.
     */
    private final SwappedList<KeyRow> visible = new SwappedList<>();
    private final RowFilter filter = new RowFilter();
    private boolean refiltering;
    /** True while others' changes are being patched in: the view keeps its place instead of following the rows. */
    private boolean patching;
    private final ObservableList<KeyRow> selected = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final BackgroundWork work;
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final StringBinding count;
    private final BooleanBinding empty;
    private final BooleanBinding canCreate;
    private final KeyActions actions;
    /** Rows shown before the whole list has loaded; in a table read a page at a time, one page. */
    static final int FIRST_PAGE = 200;
    /**
     * Above this many keys (20,000; the system property keydesk.table.pagedAbove) a table is read a page at a time ({@link PagedKeyTable}) instead of held
     * in memory: searched by the store's rule and sorted by the columns the store can order by.
     */
    static int pagedAbove() {
        return Integer.getInteger("keydesk.table.pagedAbove", 20_000);
    }
    private final PagedKeyTable paged;
    private final List<Runnable> waitingForFirstRows = new ArrayList<>();
    private boolean firstRowsDrawn;
    private final BooleanProperty pagedMode = new SimpleBooleanProperty(false);
    private KeyTableQuery.Order pagedOrder = KeyTableQuery.Order.NEWEST;
    private boolean pagedDescending;
    private long loads;
    /** The audit entry the rows shown are current to (-1: not known yet); changes after it are caught up. */
    private long seenSeq = -1;
    private boolean catchingUp;
    private boolean catchUpWanted;
    /** False while the window knows the store is out of reach: catching up would only wait for it. */
    private boolean storeReachable = true;
    private Runnable onSiteChanged = () -> { };
    /** A key just made here, selected once its row is in (0: none); see {@link #reveal}. */
    private long revealId;
    private String revealName;
    /** The key whose row a filter hid, for {@link #showHiddenKey()} (0: none). */
    private long hiddenId;
    private final ObjectProperty<KeyRow> revealed = new SimpleObjectProperty<>();
    private final StringProperty hiddenNotice = new SimpleStringProperty("");
    private final StringBinding selectedCount;
    private final LongProperty pagesReplaced = new SimpleLongProperty();

    public KeyTableViewModel(SignedIn ctx, KeyScope scope, KeyDialogs keyDialogs, boolean admin,
                             ReadOnlyBooleanProperty mayManage, ZoneId zone) {
        this.ctx = ctx;
        this.work = new BackgroundWork(ctx.tasks(), sentence -> { });   // every load says its failure in a dialog
        this.scope = scope;
        this.keyDialogs = keyDialogs;
        this.admin = admin;
        this.mayManage = mayManage;
        this.zone = zone;
        this.paged = new PagedKeyTable(ctx, scope, javafx.application.Platform::runLater, this::loadFailed, this::quietly);
        paged.rows().keep(() -> selected.stream().map(KeyRow::id).collect(java.util.stream.Collectors.toSet()));
        search.addListener((o, a, b) -> applyFilter());
        statusFilter.addListener((o, a, b) -> applyFilter());
        search.addListener((o, a, b) -> hiddenNotice.set(""));
        statusFilter.addListener((o, a, b) -> hiddenNotice.set(""));
        selectedCount = Bindings.createStringBinding(() -> selected.isEmpty() ? ""
                : Messages.format("keys.selected", selected.size()), selected);
        count = Bindings.createStringBinding(() -> pagedMode.get() ? pagedCount()
                : visible.size() == rows.size()
                ? Messages.format("keys.count", rows.size())
                : Messages.format("keys.countFiltered", visible.size(), rows.size()),
                visible, rows, pagedMode, paged.countProperty(), paged.totalProperty(), search, statusFilter);
        empty = Bindings.createBooleanBinding(() -> loaded.get()
                && (pagedMode.get() ? paged.totalProperty().get() == 0 : rows.isEmpty()),
                loaded, rows, pagedMode, paged.totalProperty());
        canCreate = Bindings.createBooleanBinding(mayManage::get, mayManage);
        actions = new KeyActions(ctx, keyDialogs, selected, mayManage, this::refresh);
    }

    /**
     * Loads in steps so a large store shows rows at once: the newest {@link #FIRST_PAGE} keys,
     * shown as soon as they are read; once they are drawn, only if there may be more, how many there are; then
     * all of them, or, above {@link #pagedAbove()}, the table a page at a time. Counting comes
     * after the first rows because on a large table it is the slow step (a count of 100,000 keys
     * took about 100 ms cold on H2) and it only decides how the rest is read. Rows (and their
     * search text) are built off the FX thread; the FX thread only swaps the list. Busy stays on
     * until everything is in.
     */
    public void reload() {
        long generation = ++loads;
        work.task(this::firstPage).onSuccess(first -> {
            if (generation == loads) {
                seenSeq = first.head();   // read before the rows: a change after it is caught up later, never missed
                if (!pagedMode.get() && !loaded.get()) {
                    show(first.rows());
                }
            }
            // the rest once those rows are drawn, and what waits for them (the sign-in banner's
            // count): on two cores, run beside the window's first layout, the two delayed the
            // first rows at 100,000 keys by ~45 ms (docs/PERFORMANCE.md, session 16)
            // busy stays on while the rest waits; released before the rest is asked for, in the same
            // callback (no pulse between), so that a catch-up wanted meanwhile sees the table idle
            Runnable stillLoading = work.hold();
            ctx.tasks().afterDrawn(() -> {
                stillLoading.run();
                firstRowsDrawn();
                readTheRest(generation, first.rows());
            });
        }).onFailure(failure -> {
            firstRowsDrawn();   // none will be: what waits for them need not wait longer
            loadFailed(failure);
        }).start();
    }

    /**
     * After the newest rows: they are all there are, and few; or else how many there are, then every
     * row or, above {@link #pagedAbove()}, the table a page at a time.
     */
    private void readTheRest(long generation, List<KeyRow> newest) {
        if (generation != loads) {
            return;   // a newer reload is on its way
        }
        if (newest.size() < FIRST_PAGE) {
            held(generation, newest);
            return;
        }
        work.task(this::countAll).onSuccess(keys -> {
            if (generation != loads) {
                return;
            }
            if (keys > pagedAbove()) {
                readPaged(keys);
            } else {
                work.task(() -> rowsOf(Integer.MAX_VALUE)).onSuccess(all -> held(generation, all))
                        .onFailure(this::loadFailed).start();
            }
        }).onFailure(this::loadFailed).start();
    }

    /**
     * Runs {@code then} once this table's first rows are on the screen (at once if they are): work
     * that a person does not wait for, such as the sign-in banner's count, then leaves the first
     * rows the machine's cores. If the first rows cannot be read, it runs then.
     */
    public void afterFirstRows(Runnable then) {
        if (firstRowsDrawn) {
            then.run();
        } else {
            waitingForFirstRows.add(then);
        }
    }

    private void firstRowsDrawn() {
        if (!firstRowsDrawn) {
            firstRowsDrawn = true;
            List<Runnable> waiting = List.copyOf(waitingForFirstRows);
            waitingForFirstRows.clear();
            waiting.forEach(Runnable::run);
        }
    }

    /** Every key of the table read, no more than {@link #pagedAbove()}: the table holds them in memory. */
    private void held(long generation, List<KeyRow> all) {
        if (generation == loads && pagedMode.get()) {
            pagedMode.set(false);   // fewer keys now: held in memory again
            loaded.set(false);
        }
        finishLoad(generation, all);
    }

    /** The newest rows, and the audit entry they are at least as new as. */
    private record FirstPage(long head, List<KeyRow> rows) {
    }

    private FirstPage firstPage() {
        long head = ctx.services().changes().head(ctx.session());
        return new FirstPage(head, rowsOf(FIRST_PAGE));
    }

    private long countAll() {
        return ctx.services().keys().count(ctx.session(), KeyTableQuery.all(scope.queryType()));
    }

    /**
     * Too many keys to hold: the table is read a page at a time with the search, filter and order
     * it has now. The rows held so far stay on screen until the first page takes their place, so
     * the table never stands empty between the two.
     */
    private void readPaged(long keys) {
        paged.total(keys);
        readPagedQuery(() -> {
            if (!pagedMode.get()) {
                rows.swap(List.of());
                filter.setRows(List.of());
                visible.swap(List.of());
                pagedMode.set(true);
            }
        });
    }

    private void readPagedQuery() {
        readPagedQuery(() -> { });
    }

    /** @param beforeShown runs on the FX thread once the first page is read, before anything else looks at it */
    private void readPagedQuery(Runnable beforeShown) {
        long generation = loads;
        String searched = search.get();
        StatusFilter filtered = statusFilter.get();
        paged.read(searched, filtered, pagedOrder, pagedDescending, () -> {
            if (generation != loads) {
                return;
            }
            beforeShown.run();
            keepSelectedAmongPages();
            loaded.set(true);
            if (!java.util.Objects.equals(searched, search.get()) || filtered != statusFilter.get()) {
                readPagedQuery();   // typed while the table turned to pages: the in-memory rows took the keys meanwhile
            } else if (revealId != 0) {
                refreshPaged();
            } else if (catchUpWanted) {
                storeChanged(-1);
            }
        });
    }

    /** After a new search, filter or sort: the selected keys that are on the pages read stay selected. */
    private void keepSelectedAmongPages() {
        PagedRows shown = paged.rows();
        List<KeyRow> keep = new java.util.ArrayList<>();
        for (KeyRow row : selected) {
            int at = shown.indexOfRead(row.id());
            if (at >= 0) {
                keep.add(shown.get(at));
            }
        }
        if (!keep.equals(selected)) {
            quietly(() -> selected.setAll(keep));
        }
        pagesReplaced.set(pagesReplaced.get() + 1);
    }

    /** Others' changes (or this window's): the pages in view read again; a key just made is found and selected. */
    private void refreshPaged() {
        long generation = loads;
        paged.refresh(revealId, scope, found -> {
            if (generation != loads) {
                return;
            }
            keepSelectedAmongPages();
            if (revealId == 0) {
                return;
            }
            if (found.row() != null) {
                revealId = 0;
                quietly(() -> selected.setAll(found.row()));
                revealed.set(null);   // the same row twice still scrolls
                revealed.set(found.row());
            } else if (found.hidden()) {
                hiddenId = revealId;
                revealId = 0;
                hiddenNotice.set(Messages.format("keys.createdHidden", revealName));
            }
        });
    }

    /** A change of the rows made here: the table's clearing of its selection meanwhile is not the person's. */
    private void quietly(Runnable change) {
        refiltering = true;
        try {
            change.run();
        } finally {
            refiltering = false;
        }
    }

    private String pagedCount() {
        long n = paged.countProperty().get();
        long all = paged.totalProperty().get();
        if (n < 0) {
            return Messages.get("keys.counting");
        }
        return n == all || search.get().isBlank() && statusFilter.get() == StatusFilter.ALL
                ? Messages.format("keys.count", n) : Messages.format("keys.countFiltered", n, all);
    }

    /**
     * The store changed (another person or process, or this window): re-read only the keys whose
     * audit entries came after the ones these rows are current to, and patch them in place, so
     * selection, search and scroll position stay. {@code announcedHead} is the head the store
     * announced (-1: unknown, e.g. after the connection came back); one the rows already include is
     * ignored. While rows load or a catch-up runs, one more catch-up is remembered for afterwards.
     */
    public void storeChanged(long announcedHead) {
        if (announcedHead >= 0 && announcedHead <= seenSeq) {
            return;
        }
        if (!loaded.get() || work.isRunning() || catchingUp || seenSeq < 0 || !storeReachable) {
            catchUpWanted = true;
            return;
        }
        catchUp();
    }

    /**
     * The window heard that the store is out of reach (false) or back (true). Meanwhile changes made
     * here still fail with their own message, but no catch-up waits on the store; once it is back the
     * window calls {@link #refresh()} and the table catches up on everything it missed.
     */
    public void storeReachable(boolean reachable) {
        storeReachable = reachable;
    }

    /** After a change made here: catch up like any other change, or load afresh if the rows were never current. */
    public void refresh() {
        if (seenSeq < 0 || !loaded.get()) {
            reload();
        } else {
            storeChanged(-1);
        }
    }

    /** Runs {@code onSiteChanged} when a catch-up finds the site's name or setting changed. */
    public void whenSiteChanges(Runnable onSiteChanged) {
        this.onSiteChanged = onSiteChanged;
    }

    private void catchUp() {
        catchingUp = true;
        catchUpWanted = false;
        long generation = loads;
        long after = seenSeq;
        ctx.tasks().run(() -> {
            Instant now = ctx.clock().instant();
            return ctx.services().changes().keysSince(ctx.session(), after, scope.queryType(), k -> KeyRow.of(k, now));
        }, (KeyChanges<KeyRow> changes) -> {
            catchingUp = false;
            if (generation != loads) {
                return;   // a reload began meanwhile and reads everything anyway
            }
            seenSeq = changes.head();
            if (changes.siteChanged()) {
                onSiteChanged.run();
            }
            if (changes.reloadAll()) {
                reload();
                return;
            }
            if (pagedMode.get()) {
                if (!changes.changed().isEmpty() || !changes.gone().isEmpty() || revealId != 0) {
                    refreshPaged();
                }
            } else if (!changes.changed().isEmpty() || !changes.gone().isEmpty()) {
                patching = true;
                try {
                    show(RowPatch.apply(rows, changes.changed(), changes.gone()));
                } finally {
                    patching = false;
                }
            }
            if (catchUpWanted) {
                storeChanged(-1);
            }
        }, failure -> {
            // the store is out of reach: the window says so once; the next signal (or its return) tries again
            catchingUp = false;
            catchUpWanted = true;
        });
    }

    private List<KeyRow> rowsOf(int limit) {
        Instant now = ctx.clock().instant();
        return ctx.services().keys().tableRows(ctx.session(), scope.queryType(), limit, k -> KeyRow.of(k, now));
    }

    private void finishLoad(long generation, List<KeyRow> all) {
        if (generation != loads) {
            return;   // a newer reload is on its way
        }
        show(all);
        loaded.set(true);
        if (catchUpWanted) {
            storeChanged(-1);
        }
    }

    private void loadFailed(Throwable failure) {
        ctx.dialogs().showFailure(Messages.get("keys.loadFailed"), failure);
    }

    /** Opens the create dialog and, if a key was made, the copy-now dialog; the new row is caught up. */
    public void newKey() {
        if (!canCreate.get()) {
            return;
        }
        CreateKeyViewModel form = new CreateKeyViewModel(ctx, scope.typeCreated(), admin, zone);
        keyDialogs.showCreateKey(form);
        var copyNow = form.takeResult();
        if (copyNow != null) {
            revealId = copyNow.keyId();
            revealName = copyNow.keyName();
            hiddenNotice.set("");
            refresh();
            keyDialogs.showCopyNow(copyNow);
            ctx.confirmations().show(Messages.format("confirm.created", copyNow.keyName()));
        }
    }

    /** The details of the one selected key: the table holds only a summary, so the whole key is loaded first. */
    public void showDetails() {
        if (selected.size() != 1) {
            return;
        }
        long id = selected.getFirst().id();
        ctx.tasks().run(() -> new Shown(ctx.services().keys().show(ctx.session(), id),
                ctx.services().keys().mayLengthenExpiry(ctx.session()), ctx.services().keys().expiryLimit(ctx.session())),
                (Shown shown) -> {
            KeyDetailsViewModel details = new KeyDetailsViewModel(ctx, shown.key(), mayManage.get(),
                    shown.mayLengthenExpiry(), shown.expiryLimit(), zone);
            keyDialogs.showDetails(details);
            if (details.savedProperty().get()) {
                refresh();
                ctx.confirmations().show(Messages.format("confirm.saved", details.nameProperty().get().strip()));
            }
        }, failure -> {
            refresh();   // most likely revoked meanwhile: the table should stop offering it
            ctx.dialogs().showFailure(Messages.get("keys.detailsFailed"), failure);
        });
    }

    /** A key loaded for its details, whether the person may lengthen its expiry, and how far ahead they may set it. */
    private record Shown(ApiKey key, boolean mayLengthenExpiry, com.keydesk.domain.ExpiryLimit expiryLimit) {
    }

    private void show(List<KeyRow> all) {
        List<KeyRow> loadedRows = List.copyOf(all);   // one copy, shared by the filter and the count
        filter.setRows(loadedRows);
        rows.swap(loadedRows);
        applyFilter();
    }

    /** The table's sort order (null: newest first). Rows are sorted here so filtering never sorts. */
    public void sortBy(Comparator<KeyRow> comparator) {
        filter.sortBy(comparator);
        applyFilter();
    }

    /**
     * The sort of a table read a page at a time: by what the store can order ({@code null}: newest
     * first). The same order again (the table asks after every change of its rows) reads nothing.
     */
    public void sortPagedBy(KeyTableQuery.Order order, boolean descending) {
        KeyTableQuery.Order by = order == null ? KeyTableQuery.Order.NEWEST : order;
        boolean reversed = order != null && descending;
        if (by == pagedOrder && reversed == pagedDescending) {
            return;
        }
        pagedOrder = by;
        pagedDescending = reversed;
        if (pagedMode.get()) {
            readPagedQuery();
        }
    }

    /**
     * Swaps the visible rows in one change. The selection is kept for the keys still visible
     * (matched by id, so it also survives a reload after disabling them) and dropped for the rest;
     * {@link #isRefiltering()} tells the view to ignore the table's own clearing meanwhile.
     */
    private void applyFilter() {
        if (pagedMode.get()) {
            readPagedQuery();
            return;
        }
        List<KeyRow> result = filter.apply(search.get(), statusFilter.get());
        List<KeyRow> keep = List.of();
        KeyRow reveal = reveal(result);
        if (reveal != null) {
            keep = List.of(reveal);
        } else if (!selected.isEmpty()) {
            Set<Long> ids = new HashSet<>();
            selected.forEach(r -> ids.add(r.id()));
            keep = result.stream().filter(r -> ids.contains(r.id())).toList();
        }
        List<KeyRow> kept = keep;
        quietly(() -> {
            if (!kept.equals(selected)) {
                selected.setAll(kept);
            }
            visible.swap(result);
        });
        if (reveal != null) {
            revealed.set(null);   // the same row twice still scrolls
            revealed.set(reveal);
        }
    }

    /**
     * The row of the key just made, once it has loaded: to be selected if the filter shows it; if
     * the search or status filter hides it, a sentence says so instead ({@link #hiddenNoticeProperty()}).
     */
    private KeyRow reveal(List<KeyRow> shown) {
        if (revealId == 0) {
            return null;
        }
        for (KeyRow row : shown) {
            if (row.id() == revealId) {
                revealId = 0;
                return row;
            }
        }
        for (KeyRow row : rows) {
            if (row.id() == revealId) {
                hiddenId = revealId;
                revealId = 0;
                hiddenNotice.set(Messages.format("keys.createdHidden", revealName));
                return null;
            }
        }
        return null;   // not loaded yet: the next swap looks again
    }

    /** Clears the search and status filter so the key the notice is about shows, and selects it. */
    public void showHiddenKey() {
        if (hiddenId == 0) {
            return;
        }
        revealId = hiddenId;
        hiddenId = 0;
        search.set("");
        statusFilter.set(StatusFilter.ALL);
        applyFilter();   // in case neither changed (the row was hidden by a reload's timing)
    }

    /** Opens the keys that no longer work: revoked (from the audit trail) and expired. */
    public void showInactive() {
        keyDialogs.showInactive(new InactiveKeysViewModel(ctx, scope.queryType(), scope.showsOwner(), zone));
    }

    /** True while the rows change because of others' changes (or this window's), not a search, sort or reload. */
    public boolean isPatching() {
        return patching;
    }

    /** True while the visible rows are being swapped: the table's selection changes then are not the person's. */
    public boolean isRefiltering() {
        return refiltering;
    }

    public List<StatusFilter> statusChoices() {
        return List.of(StatusFilter.values());
    }

    public KeyScope scope() { return scope; }
    public boolean admin() { return admin; }
    public KeyActions actions() { return actions; }
    public ObservableList<KeyRow> rows() { return rows; }
    /** The rows the table shows, filtered and in its sort order. */
    public ObservableList<KeyRow> visibleRows() { return visible; }
    /** The rows of a table read a page at a time; shown instead of {@link #visibleRows()} while {@link #pagedProperty()}. */
    public ObservableList<KeyRow> pagedRows() { return paged.rows(); }
    /** True while the table has more keys than it holds ({@link #pagedAbove()}): read a page at a time. */
    public ReadOnlyBooleanProperty pagedProperty() { return pagedMode; }
    /** Changes each time the paged rows are another table (search, sort, reload): the view selects again. */
    public ReadOnlyLongProperty pagesReplacedProperty() { return pagesReplaced; }

    /**
     * The person's selection in the table: rows of a page still being read are not selected yet
     * (nothing acts on a key whose row has not come).
     */
    public void selectedInTable(List<KeyRow> rowsSelected) {
        List<KeyRow> real = rowsSelected.stream().filter(r -> !PagedRows.isLoading(r)).toList();
        if (!real.equals(selected)) {
            selected.setAll(real);
        }
    }

    /** Where a row is among those the table shows (-1: not there); in a paged table, among the pages read. */
    public int indexShown(KeyRow row) {
        return pagedMode.get() ? paged.rows().indexOfRead(row.id()) : visible.indexOf(row);
    }
    public ObservableList<KeyRow> selected() { return selected; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<StatusFilter> statusFilterProperty() { return statusFilter; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public StringBinding countProperty() { return count; }
    public BooleanBinding emptyProperty() { return empty; }
    public BooleanBinding canCreateProperty() { return canCreate; }
    public Instant now() { return ctx.clock().instant(); }
    /** "3 selected", or empty with nothing selected. */
    public StringBinding selectedCountProperty() { return selectedCount; }
    /** A key just made here, now selected: the view scrolls to it. */
    public ObjectProperty<KeyRow> revealedProperty() { return revealed; }
    /** Says that the key just made is hidden by the search or status filter; empty otherwise. */
    public StringProperty hiddenNoticeProperty() { return hiddenNotice; }
}
