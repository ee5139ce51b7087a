package com.keydesk.ui.keys;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

import java.util.List;

/**
 * A read-only observable list whose whole content is swapped for another list in one change.
 * ObservableList.setAll clears and re-adds element by element, and even a replace built with
 * ObservableListBase's change builder walks every one of 90,000 removed rows; this change hands
 * the old list over as the removed part, so a swap costs the same for 10 rows or 100,000.
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
        fireChange(new Replaced<>(this, previous, next.size()));
    }

    @Override
    public E get(int index) {
        return content.get(index);
    }

    @Override
    public int size() {
        return content.size();
    }

    /** Everything removed, everything added: one sub-change. */
    private static final class Replaced<E> extends ListChangeListener.Change<E> {
        private final List<E> removed;
        private final int added;
        private boolean onChange;

        Replaced(ObservableList<E> list, List<E> removed, int added) {
            super(list);
            this.removed = removed;
            this.added = added;
        }

        @Override
        public boolean next() {
            if (onChange) {
                return false;
            }
            onChange = true;
            return true;
        }

        @Override
        public void reset() {
            onChange = false;
        }

        @Override
        public int getFrom() {
            checkState();
            return 0;
        }

        @Override
        public int getTo() {
            checkState();
            return added;
        }

        @Override
        public List<E> getRemoved() {
            checkState();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            checkState();
            return new int[0];
        }

        @Override
        public boolean wasUpdated() {
            return false;
        }

        private void checkState() {
            if (!onChange) {
                throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the Change.");
            }
        }
    }
}
