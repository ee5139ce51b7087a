package com.keydesk.ui.keys;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * One change of a list in one place: the {@code removed} elements gone at {@code from}, elements
 * {@code from} to {@code to} there now. Made by hand because ObservableListBase's change builder
 * copies every removed element into a list of its own, one at a time: 90,000 rows when an
 * in-memory key table swaps its content at 100,000 keys, 900,000 when a paged one shows a new
 * search at a million. This change hands the removed list over as it is.
 */
final class OneSpanChange<E> extends ListChangeListener.Change<E> {
    private final int from;
    private final int to;
    private final List<E> removed;
    private boolean onChange;

    OneSpanChange(ObservableList<E> list, int from, int to, List<E> removed) {
        super(list);
        this.from = from;
        this.to = to;
        this.removed = removed;
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
        return from;
    }

    @Override
    public int getTo() {
        checkState();
        return to;
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
