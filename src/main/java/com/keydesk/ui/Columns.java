package com.keydesk.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** The tables' columns: a heading from the message bundle, a value read from the row, a preferred width. */
public final class Columns {
    private Columns() {
    }

    public static <S, T> TableColumn<S, T> of(String titleKey, Function<S, T> value, double width) {
        TableColumn<S, T> column = new TableColumn<>(Messages.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
