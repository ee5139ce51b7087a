package com.keydesk.ui.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Search and status filter over a key table's rows, without the toolkit. The rows are kept
 * sorted in the table's order, so a filter keeps that order and never sorts; while the query only
 * grows (each keystroke of a word) it narrows the previous result instead of looking at every
 * row again, because a row that contains the longer text also contained the shorter one.
 */
final class RowFilter {
    private List<KeyRow> loadOrder = List.of();
    private List<KeyRow> sorted = List.of();
    private Comparator<KeyRow> order;
    private String lastQuery;
    private StatusFilter lastStatus;
    private List<KeyRow> lastResult = List.of();

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
        lastQuery = null;   // the previous result is in the old order
    }

    /** The rows that match, in table order. {@code query} as typed; it is normalized once here. */
    List<KeyRow> apply(String query, StatusFilter status) {
        String q = KeyRow.normalize(query);
        List<KeyRow> from = lastQuery != null && status == lastStatus && q.contains(lastQuery) ? lastResult : sorted;
        List<KeyRow> result = new ArrayList<>(Math.min(from.size(), 1024));
        for (KeyRow row : from) {
            if (row.matches(q) && status.accepts(row.status())) {
                result.add(row);
            }
        }
        lastQuery = q;
        lastStatus = status;
        lastResult = result;
        return result;
    }

    int size() {
        return loadOrder.size();
    }
}
