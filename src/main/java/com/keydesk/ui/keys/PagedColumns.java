package com.keydesk.ui.keys;

import com.keydesk.ui.Messages;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.Set;

/**
 * The columns of a key table read a page at a time: only those the store can order by stay
 * sortable; the others say so in a tooltip on their header (a column header has no tooltip of its
 * own, so its title becomes a label that carries one), and a sort by one of them is dropped.
 */
final class PagedColumns {
    private PagedColumns() {
    }

    static void install(TableView<KeyRow> table, Set<TableColumn<KeyRow, ?>> sortable, ObservableBooleanValue paged,
                        java.util.function.IntSupplier pagedAbove) {
        apply(table, sortable, paged.get(), pagedAbove.getAsInt());
        paged.addListener((o, was, now) -> apply(table, sortable, now, pagedAbove.getAsInt()));
    }

    private static void apply(TableView<KeyRow> table, Set<TableColumn<KeyRow, ?>> sortable, boolean paged, int pagedAbove) {
        for (TableColumn<KeyRow, ?> column : table.getColumns()) {
            if (sortable.contains(column)) {
                continue;
            }
            column.setSortable(!paged);
            if (paged) {
                Label title = new Label(column.getText());
                title.setTooltip(new Tooltip(Messages.format("column.notSortable", pagedAbove)));
                column.setGraphic(title);
                column.setText("");
                table.getSortOrder().remove(column);
            } else if (column.getGraphic() instanceof Label title && column.getText().isEmpty()) {
                column.setText(title.getText());
                column.setGraphic(null);
            }
        }
    }
}
