package com.keydesk.ui.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A key table's rows with others' changes applied, without reading the other rows again: changed
 * rows take their old place, new ones go where their id puts them (rows are newest first, by id),
 * revoked ones leave. One pass over the rows: a patch of a 100,000-row table costs a copy.
 */
final class RowPatch {
    private RowPatch() {
    }

    /** {@code rows} newest first (highest id first), as loaded; neither argument is changed. */
    static List<KeyRow> apply(List<KeyRow> rows, List<KeyRow> changed, Set<Long> gone) {
        Map<Long, KeyRow> replacing = new HashMap<>();
        changed.forEach(row -> replacing.put(row.id(), row));
        Set<Long> present = new HashSet<>();
        List<KeyRow> next = new ArrayList<>(rows.size() + changed.size());
        for (KeyRow row : rows) {
            if (replacing.containsKey(row.id())) {
                present.add(row.id());
            }
        }
        List<KeyRow> added = new ArrayList<>();
        for (KeyRow row : changed) {
            if (!present.contains(row.id())) {
                added.add(row);
            }
        }
        added.sort(Comparator.comparingLong(KeyRow::id).reversed());
        int a = 0;
        for (KeyRow row : rows) {
            while (a < added.size() && added.get(a).id() > row.id()) {
                next.add(added.get(a++));
            }
            if (!gone.contains(row.id())) {
                next.add(replacing.getOrDefault(row.id(), row));
            }
        }
        next.addAll(added.subList(a, added.size()));
        return next;
    }
}
