package com.keydesk.ui;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.util.Callback;

import java.util.function.Function;

/**
 * A table cell showing text that, when its column is too narrow and the text ends in "…",
 * offers the whole text in a tooltip. Whether the text was cut is read from what the skin
 * drew, after each layout, so it holds for any font, column width or overrun style.
 */
public final class TextCell<S, T> extends TableCell<S, T> {
    private final Function<? super T, String> format;
    /** Made the first time this cell's text is cut, then reused for every row the cell shows. */
    private Tooltip tooltip;

    private TextCell(Function<? super T, String> format) {
        this.format = format;
    }

    /** Cells that show {@code format} of the value. */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> of(Function<? super T, String> format) {
        return column -> new TextCell<>(format);
    }

    /** Cells that show the value's own text. */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> plain() {
        return of(String::valueOf);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : format.apply(item));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (isCutOff()) {
            if (tooltip == null) {
                tooltip = new Tooltip();
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(480);
            }
            tooltip.setText(getText());
            setTooltip(tooltip);
        } else if (getTooltip() != null) {
            setTooltip(null);
        }
    }

    /** True when the text drawn is not the whole text (the skin put an ellipsis in). */
    public boolean isCutOff() {
        String full = getText();
        if (full == null || full.isEmpty()) {
            return false;
        }
        for (Node child : getChildrenUnmodifiable()) {
            if (child instanceof Text drawn) {
                return !full.equals(drawn.getText());
            }
        }
        return false;
    }
}
