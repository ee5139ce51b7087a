package com.keydesk.ui.keys;

import javafx.collections.ObservableListBase;

import java.util.List;

/**
 * A read-only observable list whose whole content is swapped for another list in one change.
 * ObservableList.setAll clears and re-adds element by element, and even a replace built with
 * ObservableListBase's change builder walks every one of 90,000 removed rows; {@link OneSpanChange}
 * hands the old list over as the removed part, so a swap costs the same for 10 rows or 100,000.
 */
final class SwappedList<E> extends ObservableListBase<E> {
    private List<E> content = List.of();

    /** Shows {@code next} (not copied: the caller must not change it afterwards). */
    void swap(List<E> next) {
        List<E> previous = content;
        content = next;
        if (previous.isEmpty() && next.isEmpty()) {
            return;
        }
        fireChange(new OneSpanChange<>(this, 0, next.size(), previous));
    }

    @Override
    public E get(int index) {
        return content.get(index);
    }

    @Override
    public int size() {
        return content.size();
    }
}
