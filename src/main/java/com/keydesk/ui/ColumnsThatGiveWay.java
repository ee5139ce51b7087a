package com.keydesk.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * On a small screen a table cannot show every column at a readable width. Rather than cut every
 * column short or scroll sideways, the least important columns step aside while the table is
 * narrower than the columns' minimum widths need, and come back when it widens. The table's
 * column menu shows and hides any column; a column the person showed or hid there keeps their
 * choice from then on.
 */
public final class ColumnsThatGiveWay<S> {
    /** Room kept for the vertical scroll bar and the table's border, so rows never scroll sideways. */
    private static final double SCROLL_BAR_AND_BORDER = 18;

    private final TableView<S> table;
    private final List<TableColumn<S, ?>> leastImportantFirst;
    private final Set<TableColumn<S, ?>> chosenByPerson = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean adjusting;

    private ColumnsThatGiveWay(TableView<S> table, List<TableColumn<S, ?>> leastImportantFirst) {
        this.table = table;
        this.leastImportantFirst = List.copyOf(leastImportantFirst);
    }

    /** Lets {@code leastImportantFirst} step aside, in that order, while {@code table} is too narrow. */
    public static <S> ColumnsThatGiveWay<S> install(TableView<S> table, List<TableColumn<S, ?>> leastImportantFirst) {
        ColumnsThatGiveWay<S> columns = new ColumnsThatGiveWay<>(table, leastImportantFirst);
        table.setTableMenuButtonVisible(true);
        for (TableColumn<S, ?> column : columns.leastImportantFirst) {
            column.visibleProperty().addListener((o, was, now) -> {
                if (!columns.adjusting) {
                    columns.chosenByPerson.add(column);
                }
            });
        }
        table.widthProperty().addListener((o, was, now) -> columns.fit());
        return columns;
    }

    /** Shows or hides the columns that give way for the table's present width. */
    void fit() {
        double room = table.getWidth() - SCROLL_BAR_AND_BORDER;
        if (room <= 0) {
            return;
        }
        double needed = 0;
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column.isVisible() || gives(column)) {
                needed += column.getMinWidth();
            }
        }
        adjusting = true;
        try {
            for (TableColumn<S, ?> column : leastImportantFirst) {
                if (!gives(column)) {
                    continue;
                }
                boolean steps = needed > room;
                column.setVisible(!steps);
                if (steps) {
                    needed -= column.getMinWidth();
                }
            }
        } finally {
            adjusting = false;
        }
    }

    private boolean gives(TableColumn<S, ?> column) {
        return !chosenByPerson.contains(column) && table.getColumns().contains(column);
    }
}
