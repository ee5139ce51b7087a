package com.keydesk.ui.keys;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Search and status filter over a key table's rows, without the toolkit. The rows are kept
 * sorted in the table's order, so a filter keeps that order and never sorts. While the query only
 * grows (each keystroke of a word) it narrows the previous result instead of looking at every
 * row again, because a row that contains the longer text also contained the shorter one; the
 * results on the way are kept, so deleting what was just typed looks at no row at all.
 */
final class RowFilter {
    /** One step of the query typed so far: each step's query contains the one below it. */
    private record Step(String query, StatusFilter status, List<KeyRow> result) {
    }

    private List<KeyRow> loadOrder = List.of();
    private List<KeyRow> sorted = List.of();
    private Comparator<KeyRow> order;
    private final Deque<Step> steps = new ArrayDeque<>();

    /** New rows (newest first, as loaded); sorted at once by the current order. */
    void setRows(List<KeyRow> rows) {
        loadOrder = List.copyOf(rows);
        resort();
    }

    /** The table's sort order; null for load order (newest first). */
    void sortBy(Comparator<KeyRow> comparator) {
        order = comparator;
        resort();
    }

    private void resort() {
        if (order == null) {
            sorted = loadOrder;
        } else {
            List<KeyRow> copy = new ArrayList<>(loadOrder);
            copy.sort(order);   // stable: equal values stay newest first
            sorted = copy;
        }
        steps.clear();   // they hold the old rows, in the old order
    }

    /** The rows that match, in table order. {@code query} as typed; it is normalized once here. */
    List<KeyRow> apply(String query, StatusFilter status) {
        String q = KeyRow.normalize(query);
        if (q.isEmpty() && status == StatusFilter.ALL) {
            steps.clear();
            return sorted;   // every row: no copy
        }
        while (!steps.isEmpty() && !(steps.peek().status() == status && q.contains(steps.peek().query()))) {
            steps.pop();
        }
        if (!steps.isEmpty() && steps.peek().query().equals(q)) {
            return steps.peek().result();
        }
        List<KeyRow> from = steps.isEmpty() ? sorted : steps.peek().result();
        List<KeyRow> result = new ArrayList<>(Math.min(from.size(), 1024));
        for (KeyRow row : from) {
            if (row.matches(q) && status.accepts(row.status())) {
                result.add(row);
            }
        }
        steps.push(new Step(q, status, result));
        return result;
    }
}
