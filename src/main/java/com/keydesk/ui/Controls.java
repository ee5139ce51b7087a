package com.keydesk.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Small building blocks shared by the views. */
public final class Controls {
    private Controls() {
    }

    /**
     * A toolbar button: its text from {@code textKey} (null: icon only, the caller adds a tooltip),
     * never squeezed narrower than its text, running {@code action}.
     */
    public static javafx.scene.control.Button button(String id, String textKey, String icon, Runnable action) {
        javafx.scene.control.Button button = new javafx.scene.control.Button(textKey == null ? null : Messages.get(textKey),
                new org.kordamp.ikonli.javafx.FontIcon(icon));
        button.setId(id);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    /**
     * The line under a table that says how many rows there are. What a screen adds to it (the
     * selected count, the audit export's result) stands apart from the count, not run into it.
     */
    public static javafx.scene.layout.HBox countFooter(String id, ObservableValue<String> count) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("hint");
        label.textProperty().bind(count);
        javafx.scene.layout.HBox footer = new javafx.scene.layout.HBox(16, label);
        footer.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
        return footer;
    }

    /**
     * Tab and Shift+Tab move to the next and previous control from a text area, as from every other
     * field, instead of typing a tab character into it: a keyboard user is never trapped there.
     */
    public static void tabLeaves(javafx.scene.control.TextArea area) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                area.requestFocusTraversal(e.isShiftDown() ? javafx.scene.TraversalDirection.PREVIOUS
                        : javafx.scene.TraversalDirection.NEXT);
            }
        });
    }

    /** A sentence beside a field; takes no room while empty. */
    public static Label errorLabel(ObservableValue<String> error) {
        Label label = new Label();
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(error);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /**
     * Hands the date typed into a date picker's field to {@code typed} when the person presses
     * Enter or leaves the field, before the picker decides whether to take it (it silently drops
     * a day its cell factory disables). Text that is no date is not handed on.
     */
    public static void onTypedDate(javafx.scene.control.DatePicker picker,
                                   java.util.function.Consumer<java.time.LocalDate> typed) {
        Runnable forward = () -> {
            String text = picker.getEditor().getText();
            if (text == null || text.isBlank()) {
                return;
            }
            try {
                typed.accept(picker.getConverter().fromString(text.strip()));
            } catch (java.time.DateTimeException | IllegalArgumentException notADate) {
                // not a date at all: the picker puts its own value back
            }
        };
        picker.getEditor().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                forward.run();
            }
        });
        picker.getEditor().focusedProperty().addListener((o, was, focused) -> {
            if (was && !focused) {
                forward.run();
            }
        });
    }
}
