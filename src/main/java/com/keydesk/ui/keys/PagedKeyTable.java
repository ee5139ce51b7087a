package com.keydesk.ui.keys;

import com.keydesk.domain.KeySearch;
import com.keydesk.domain.KeyStatusFilter;
import com.keydesk.domain.KeyTableQuery;
import com.keydesk.ui.SignedIn;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A key table read from the store a page at a time ({@link PagedRows}): the search, status filter
 * and sort are the store's query ({@link KeyTableQuery}), so a keystroke reads one page, not every
 * key. The first page is shown as soon as it is read and the exact count follows in a second
 * query, because counting a broad match at a million keys reads every index entry; each answer
 * belongs to one query, and an answer to an older one (the person typed on) is dropped, its work
 * skipped if it had not started.
 */
final class PagedKeyTable {
    /** Pages kept in memory (of {@link KeyTableViewModel#FIRST_PAGE} rows): a few screens either way. */
    static final int CACHED_PAGES = 12;
    /** Pages read again when the store changes: the ones looked at last, what the person sees. */
    private static final int REREAD = 3;

    private final SignedIn ctx;
    private final PagedRows rows;
    private final Consumer<Throwable> failed;
    /** Runs a change of the rows as the view model's own, not the person's (the table clears its selection). */
    private final Consumer<Runnable> quietly;
    private KeyTableQuery query;
    /** The query the answers must belong to: read off the JavaFX thread to skip stale work. */
    private final AtomicLong asked = new AtomicLong();
    /** Matching keys: exact, or -1 while counted. */
    private final LongProperty count = new SimpleLongProperty(-1);
    /** Every key of the table without search or filter, for "12 of 1,000,000 keys". */
    private final LongProperty total = new SimpleLongProperty(-1);
    /** {@link #total(long)}'s count, until the next read takes it (-1: none): that read's count when it is unfiltered. */
    private long totalJustCounted = -1;

    PagedKeyTable(SignedIn ctx, KeyScope scope, Executor later, Consumer<Throwable> failed, Consumer<Runnable> quietly) {
        this.ctx = ctx;
        this.failed = failed;
        this.quietly = quietly;
        this.query = KeyTableQuery.all(scope.queryType());
        this.rows = new PagedRows(KeyTableViewModel.FIRST_PAGE, CACHED_PAGES, ctx.tasks(), later);
    }

    PagedRows rows() {
        return rows;
    }

    LongProperty countProperty() {
        return count;
    }

    LongProperty totalProperty() {
        return total;
    }

    boolean isSortedBy(KeyTableQuery.Order order, boolean descending) {
        return query.order() == order && query.descending() == descending;
    }

    /**
     * Reads the table for this search, filter and order; {@code shown} runs once its first page is
     * in place (not for a query overtaken meanwhile).
     */
    void read(String search, StatusFilter status, KeyTableQuery.Order order, boolean descending, Runnable shown) {
        KeyTableQuery q = query.withSearch(search).withStatus(status.rule()).sortedBy(order, descending);
        query = q;
        long generation = asked.incrementAndGet();
        count.set(-1);
        ctx.tasks().run(() -> generation == asked.get() ? read(q, 0) : null, page -> {
            if (page == null || generation != asked.get()) {
                return;
            }
            quietly.accept(() -> rows.show(reader(q), page, page.size()));
            shown.run();
            // counted only now: a broad count keeps the database's cores busy for a few hundred ms
            // at a million keys, and run beside the page it made the page, and its drawing, wait
            count(q, generation);
        }, failed::accept);
    }

    /** The exact count of the table shown for {@code q}; the list grows (or shrinks) to it. */
    private void count(KeyTableQuery q, long generation) {
        long known = unfiltered(q) ? totalJustCounted : -1;
        totalJustCounted = -1;
        if (known >= 0) {   // the first read after the table was counted: the store is not asked the same again
            count.set(known);
            quietly.accept(() -> rows.resize((int) known));
            return;
        }
        ctx.tasks().run(() -> generation == asked.get() ? ctx.services().keys().count(ctx.session(), q) : -1L, (Long n) -> {
            if (n < 0 || generation != asked.get()) {
                return;
            }
            count.set(n);
            quietly.accept(() -> rows.resize(n.intValue()));
        }, failure -> {
            if (generation == asked.get()) {
                failed.accept(failure);   // a count the person typed past may fail as it likes
            }
        });
    }

    /** The unfiltered count, read with the first load; the read that follows counts no more if it is unfiltered too. */
    void total(long keys) {
        total.set(keys);
        totalJustCounted = keys;
    }

    private static boolean unfiltered(KeyTableQuery q) {
        return KeySearch.normalize(q.search()).isEmpty() && q.status() == KeyStatusFilter.ALL;
    }

    /**
     * The store changed: the count, the total and the pages last looked at read again and put in
     * place; with {@code revealId} (0: none) also where that key is, its page read so it can be
     * selected. {@code then} runs once they are in, with the key's row and place, or whether the
     * search hides it.
     */
    void refresh(long revealId, KeyScope scope, Consumer<Revealed> then) {
        KeyTableQuery q = query;
        long generation = asked.get();
        List<Integer> pages = rows.pagesRead();
        ctx.tasks().run(() -> {
            var keys = ctx.services().keys();
            long n = keys.count(ctx.session(), q);
            KeyTableQuery whole = KeyTableQuery.all(scope.queryType());
            // with no search or filter the match is the whole table: counted once, not twice
            long all = q.withOrderOf(whole).equals(whole) ? n : keys.count(ctx.session(), whole);
            Map<Integer, List<KeyRow>> reread = new LinkedHashMap<>();
            for (int page : pages.subList(0, Math.min(REREAD, pages.size()))) {
                reread.put(page, read(q, (long) page * rows.pageSize()));
            }
            long at = -1;
            boolean hidden = false;
            if (revealId != 0) {
                at = keys.positionOf(ctx.session(), q, revealId);
                if (at >= 0) {
                    int page = (int) (at / rows.pageSize());
                    reread.computeIfAbsent(page, p -> read(q, (long) p * rows.pageSize()));
                } else {
                    hidden = keys.positionOf(ctx.session(), KeyTableQuery.all(scope.queryType()), revealId) >= 0;
                }
            }
            return new Refreshed(n, all, reread, at, hidden);
        }, (Refreshed r) -> {
            if (generation != asked.get()) {
                return;   // a newer search is on its way and reads everything anyway
            }
            count.set(r.count());
            total.set(r.total());
            quietly.accept(() -> rows.refreshed((int) r.count(), r.pages()));
            KeyRow row = r.at() >= 0 ? rows.get((int) r.at()) : null;
            then.accept(new Revealed(row == null || PagedRows.isLoading(row) ? null : row, (int) r.at(), r.hidden()));
        }, failed::accept);
    }

    /** The key asked to be revealed: its row and index if the table shows it; else whether the search hides it. */
    record Revealed(KeyRow row, int index, boolean hidden) {
    }

    private record Refreshed(long count, long total, Map<Integer, List<KeyRow>> pages, long at, boolean hidden) {
    }

    private PagedRows.Reader reader(KeyTableQuery q) {
        return (offset, limit) -> read(q, offset);
    }

    private List<KeyRow> read(KeyTableQuery q, long offset) {
        Instant now = ctx.clock().instant();
        return ctx.services().keys().page(ctx.session(), q, offset, rows.pageSize(), k -> KeyRow.of(k, now));
    }
}
