package com.keydesk.ui.keys;

import com.keydesk.ui.TaskRunner;
import javafx.collections.ObservableListBase;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rows of a key table too large to hold (a million keys on a team store), read a page at a
 * time as the table asks for them. The list has the table's exact size, but holds only the last
 * few pages looked at: a row of a page not read yet is {@link KeyRow#LOADING} until its page comes,
 * then replaced in place. Pages are read by a {@link Reader} through the {@link TaskRunner} (never on
 * the JavaFX thread); a read the table asked for while drawing starts afterwards ({@code later}), so
 * the list never changes in the middle of a layout. Answers for a table shown before the last
 * {@link #show} (an older search, sort or filter) are dropped.
 */
final class PagedRows extends ObservableListBase<KeyRow> {
    /** Reads {@code limit} rows from {@code offset}, in the table's order; runs off the JavaFX thread. */
    @FunctionalInterface
    interface Reader {
        List<KeyRow> read(long offset, int limit) throws Exception;
    }

    /** Pages asked for while scrolling fast: only the last few are still read. */
    private static final int WANTED = 4;

    private final int pageSize;
    private final int cachedPages;
    private final TaskRunner tasks;
    private final Executor later;
    /** The pages read, least recently looked at first. */
    private final LinkedHashMap<Integer, List<KeyRow>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Deque<Integer> wanted = new ArrayDeque<>();
    private Reader reader = (offset, limit) -> List.of();
    private Supplier<Set<Long>> kept = Set::of;
    private int size;
    private long generation;
    private boolean reading;
    private boolean scheduled;

    PagedRows(int pageSize, int cachedPages, TaskRunner tasks, Executor later) {
        this.pageSize = pageSize;
        this.cachedPages = cachedPages;
        this.tasks = tasks;
        this.later = later;
    }

    int pageSize() {
        return pageSize;
    }

    /** Keys whose page is never dropped while they are selected, so a selection survives scrolling away. */
    void keep(Supplier<Set<Long>> selected) {
        this.kept = selected;
    }

    /**
     * A new table (another search, filter or sort, or a reload): {@code size} rows read by
     * {@code reader}, of which the first page (or less) is {@code first}, read already. One change:
     * everything removed, everything added.
     */
    void show(Reader reader, List<KeyRow> first, int size) {
        int was = this.size;
        generation++;
        this.reader = reader;
        pages.clear();
        wanted.clear();
        reading = false;   // an answer on its way belongs to the old generation and is dropped
        this.size = Math.max(size, first.size());
        pages.put(0, List.copyOf(first));
        fireSpan(0, this.size, was);
    }

    /** The exact count arrived after the first page: the list grows (or shrinks) at its end. */
    void resize(int count) {
        int was = size;
        if (count == was) {
            return;
        }
        size = count;
        if (count > was) {
            fireSpan(was, count, 0);
        } else {
            fireSpan(count, count, was - count);
        }
    }

    /** The count and the pages read, for {@link #refreshed}: the pages looked at most recently first. */
    List<Integer> pagesRead() {
        List<Integer> all = new java.util.ArrayList<>(pages.keySet());
        Collections.reverse(all);
        return all;
    }

    /**
     * The same table read again after a change in the store: its new size and the pages it had,
     * put in place without clearing what the person looks at. Pages not read again are dropped
     * (read when looked at). Same size: one update of those rows; else a change of everything.
     */
    void refreshed(int count, Map<Integer, List<KeyRow>> reread) {
        generation++;
        reading = false;
        wanted.clear();
        pages.clear();
        pages.putAll(reread);
        if (count == size) {
            beginChange();
            for (int page : reread.keySet()) {
                for (int i = page * pageSize; i < Math.min(size, (page + 1) * pageSize); i++) {
                    nextUpdate(i);
                }
            }
            endChange();
        } else {
            int was = size;
            size = count;
            fireSpan(0, size, was);
        }
    }

    /** A page read on its own (the one that holds a key to reveal); put in place like a page scrolled to. */
    void put(int page, List<KeyRow> rows) {
        store(page, rows);
    }

    /** True if {@code row} is one whose page is still being read. */
    static boolean isLoading(KeyRow row) {
        return row == KeyRow.LOADING;
    }

    /** Where the key is among the pages read (-1: not among them); never reads. */
    int indexOfRead(long id) {
        for (Map.Entry<Integer, List<KeyRow>> page : pages.entrySet()) {
            List<KeyRow> rows = page.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == id) {
                    return page.getKey() * pageSize + i;
                }
            }
        }
        return -1;
    }

    /** The row at {@code index}, or {@link KeyRow#LOADING} while its page is read (asked for here). */
    @Override
    public KeyRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / pageSize;
        List<KeyRow> rows = pages.get(page);
        if (rows != null) {
            int at = index - page * pageSize;
            return at < rows.size() ? rows.get(at) : KeyRow.LOADING;
        }
        want(page);
        return KeyRow.LOADING;
    }

    @Override
    public int size() {
        return size;
    }

    private void want(int page) {
        if (wanted.peekLast() != null && wanted.peekLast() == page) {
            return;
        }
        wanted.remove(page);
        wanted.addLast(page);
        while (wanted.size() > WANTED) {
            wanted.removeFirst();
        }
        if (!scheduled) {
            scheduled = true;
            later.execute(() -> {
                scheduled = false;
                readNext();
            });
        }
    }

    /** One read at a time, the page asked for last first: what the person looks at now. */
    private void readNext() {
        if (reading) {
            return;
        }
        Integer page = wanted.pollLast();
        while (page != null && pages.containsKey(page)) {
            page = wanted.pollLast();
        }
        if (page == null) {
            return;
        }
        reading = true;
        long asked = generation;
        Reader from = reader;
        int p = page;
        tasks.run(() -> from.read((long) p * pageSize, pageSize), rows -> {
            if (asked != generation) {
                return;   // a newer table replaced this one; its own reads go on
            }
            reading = false;
            store(p, rows);
            readNext();
        }, failure -> {
            if (asked == generation) {
                reading = false;   // the row stays loading; looking at it again asks again
            }
        });
    }

    private void store(int page, List<KeyRow> rows) {
        pages.put(page, List.copyOf(rows));
        evict();
        int from = page * pageSize;
        int to = Math.min(size, from + pageSize);
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    /** Drops the pages looked at longest ago, beyond the few kept, unless a selected key is on one. */
    private void evict() {
        int over = pages.size() - cachedPages;
        if (over <= 0) {
            return;
        }
        Set<Long> selected = kept.get();
        Iterator<Map.Entry<Integer, List<KeyRow>>> oldest = pages.entrySet().iterator();
        while (over > 0 && oldest.hasNext()) {
            Map.Entry<Integer, List<KeyRow>> page = oldest.next();
            if (page.getValue().stream().noneMatch(r -> selected.contains(r.id()))) {
                oldest.remove();
                over--;
            }
        }
    }

    /**
     * One change at {@code from}: {@code removed} rows gone, rows {@code from} to {@code to} there
     * now ({@link OneSpanChange}: a new search at a million keys removed 900,000 rows, and the change
     * builder's copy of them was most of a keystroke's time on the JavaFX thread). The removed rows
     * are said to be placeholders, which costs nothing to make: they were rows not worth reading again.
     */
    private void fireSpan(int from, int to, int removed) {
        if (to > from || removed > 0) {
            fireChange(new OneSpanChange<>(this, from, to, placeholders(removed)));
        }
    }

    /** What a change says was removed: rows not worth reading again (and never read for that). */
    private static List<KeyRow> placeholders(int count) {
        return Collections.nCopies(count, KeyRow.LOADING);
    }
}
