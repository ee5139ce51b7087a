package com.keydesk.ui.keys;

import com.keydesk.ui.Columns;
import com.keydesk.ui.Messages;
import com.keydesk.ui.NaturalOrder;
import com.keydesk.ui.RelativeTime;
import com.keydesk.ui.TextCell;
import com.keydesk.ui.keys.text.DisplayStatus;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Supplier;

/** The columns of a key table. Every column sorts on the value, not on its text. */
final class KeyColumns {
    private KeyColumns() {
    }

    /** A column that keeps its width when the window narrows (the name column gives way instead). */
    static <T> TableColumn<KeyRow, T> fixed(TableColumn<KeyRow, T> column, double width) {
        column.setPrefWidth(width);
        column.setMinWidth(width);
        return column;
    }

    /** Text sorted as people read names ("key 13" before "key 1272"), the whole text in a tooltip when cut. */
    static TableColumn<KeyRow, String> name(String titleKey, Function<KeyRow, String> value, double width) {
        TableColumn<KeyRow, String> column = text(titleKey, value, width);
        column.setComparator(NaturalOrder.NULLS_LAST);
        return column;
    }

    /** Text with the whole of it in a tooltip when the column is too narrow. */
    static TableColumn<KeyRow, String> text(String titleKey, Function<KeyRow, String> value, double width) {
        TableColumn<KeyRow, String> column = Columns.of(titleKey, value, width);
        column.setCellFactory(TextCell.plain());
        return column;
    }

    /**
     * The key's label ("kdu_A9IyQ2xZ7pLm…TMKm"), monospaced; in a narrow column (1024 wide) it
     * is shortened at its own "…", so that the start and the last characters (what a person
     * compares with a leaked key) stay in view around one "…", the whole label in the tooltip.
     */
    static TableColumn<KeyRow, String> label() {
        TableColumn<KeyRow, String> column = Columns.of("column.key", KeyRow::label, 170);
        column.setCellFactory(c -> new LabelCell());
        column.getStyleClass().add("key-label-cell");
        return column;
    }

    /** A label shortened to the cell's room (see {@link #label()}); measured in the cell's own font. */
    private static final class LabelCell extends TableCell<KeyRow, String> {
        private final ReusedTooltip tooltip = new ReusedTooltip(this);
        private final javafx.scene.text.Text probe = new javafx.scene.text.Text();
        private String whole;

        @Override
        protected void updateItem(String label, boolean empty) {
            super.updateItem(label, empty);
            whole = empty ? null : label;
            setText(whole);
            tooltip.hide();
        }

        @Override
        protected void layoutChildren() {
            if (whole != null) {
                String fitted = shortened(whole, getWidth() - snappedLeftInset() - snappedRightInset());
                if (!fitted.equals(getText())) {
                    setText(fitted);
                }
                if (fitted.equals(whole)) {
                    tooltip.hide();
                } else {
                    tooltip.show(whole);
                }
            }
            super.layoutChildren();
        }

        /** The label, or its start and its part from "…" on with as much of the start as fits. */
        private String shortened(String label, double room) {
            int cut = label.indexOf('…');
            if (room <= 0 || cut < 1 || widthOf(label) <= room) {
                return label;   // a label without its "…" is left to the cell's own overrun
            }
            String tail = label.substring(cut);
            for (int keep = cut - 1; keep > 1; keep--) {
                String shorter = label.substring(0, keep) + tail;
                if (widthOf(shorter) <= room) {
                    return shorter;
                }
            }
            return label.substring(0, 1) + tail;
        }

        private double widthOf(String text) {
            probe.setFont(getFont());
            probe.setText(text);
            return probe.getLayoutBounds().getWidth();
        }
    }

    static TableColumn<KeyRow, DisplayStatus> status() {
        TableColumn<KeyRow, DisplayStatus> column = Columns.of("column.status", KeyRow::status, 120);
        column.setCellFactory(c -> new StatusCell());
        return column;
    }

    /** A time shown relative to now ("in 3 days", "Never"), exact in the tooltip; never-set sorts last. */
    static TableColumn<KeyRow, Instant> time(String titleKey, Function<KeyRow, Instant> value, Supplier<Instant> now,
                                             Function<KeyRow, String> suffix) {
        TableColumn<KeyRow, Instant> column = Columns.of(titleKey, value, 130);
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ReusedTooltip tooltip = new ReusedTooltip(this);

            @Override
            protected void updateItem(Instant when, boolean empty) {
                super.updateItem(when, empty);
                KeyRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || row != null && PagedRows.isLoading(row)) {   // a row whose page is on its way: not "Never"
                    setText(null);
                    tooltip.hide();
                    return;
                }
                String extra = row == null || suffix == null ? "" : suffix.apply(row);
                setText(RelativeTime.relative(when, now.get()) + extra);
                tooltip.show(when == null ? null : RelativeTime.exact(when));
            }
        });
        return column;
    }

    static TableColumn<KeyRow, Instant> created() {
        TableColumn<KeyRow, Instant> column = Columns.of("column.created", KeyRow::createdAt, 170);
        column.setCellFactory(c -> new TableCell<>() {
            private final ReusedTooltip tooltip = new ReusedTooltip(this);

            @Override
            protected void updateItem(Instant when, boolean empty) {
                super.updateItem(when, empty);
                KeyRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || when == null || row == null) {
                    setText(null);
                    tooltip.hide();
                    return;
                }
                // The date fits the column; who created it is in the tooltip and the details.
                String by = row.createdBy();
                setText(RelativeTime.date(when));
                tooltip.show(by == null ? RelativeTime.exact(when)
                        : Messages.format("keys.createdBy", RelativeTime.exact(when), by));
            }
        });
        return column;
    }

    /**
     * The status badge. One label per cell, updated in place: a new label (and its CSS pass) for
     * every cell on every keystroke was a large part of a filter's time at 90,000 rows.
     */
    private static final class StatusCell extends TableCell<KeyRow, DisplayStatus> {
        private final Label badge = new Label();
        private DisplayStatus shown;

        @Override
        protected void updateItem(DisplayStatus status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setGraphic(null);
                return;
            }
            if (status != shown) {
                badge.setText(status.text());
                badge.getStyleClass().setAll("badge", status.styleClass());
                shown = status;
            }
            setGraphic(badge);
        }
    }

    /**
     * A cell's tooltip, made once and given new text as the cell shows another row: making a
     * Tooltip builds a popup window's scene, far too slow to do per cell per keystroke.
     */
    private static final class ReusedTooltip {
        private final TableCell<?, ?> cell;
        private Tooltip tooltip;

        ReusedTooltip(TableCell<?, ?> cell) {
            this.cell = cell;
        }

        void show(String text) {
            if (text == null) {
                hide();
                return;
            }
            if (tooltip == null) {
                tooltip = new Tooltip();
            }
            tooltip.setText(text);
            cell.setTooltip(tooltip);
        }

        void hide() {
            cell.setTooltip(null);
        }
    }
}
