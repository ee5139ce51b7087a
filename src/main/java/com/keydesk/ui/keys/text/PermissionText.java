package com.keydesk.ui.keys.text;

import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.Messages;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** A permission set as people read it, e.g. "Files only (files_only)". */
public final class PermissionText {
    private PermissionText() {
    }

    public static String text(PermissionSet set) {
        return set == null ? "" : Messages.format("permission." + set.wireName(), set.wireName());
    }

    /** One sentence on what a key with this set may do, shown where a set is chosen. */
    public static String about(PermissionSet set) {
        return set == null ? "" : Messages.get("permission.about." + set.wireName());
    }

    /**
     * A permission set chooser that describes every set in its list (name, then its sentence),
     * and shows the chosen one by name.
     */
    public static void describeChoices(ComboBox<PermissionSet> choice) {
        choice.setConverter(converter());
        choice.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PermissionSet set, boolean empty) {
                super.updateItem(set, empty);
                if (empty || set == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label about = new Label(about(set));
                about.getStyleClass().add("hint");
                about.setWrapText(true);
                about.setMaxWidth(420);
                setText(text(set));
                setGraphic(about);
                setContentDisplay(ContentDisplay.BOTTOM);
            }
        });
    }

    public static StringConverter<PermissionSet> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(PermissionSet set) {
                return text(set);
            }

            @Override
            public PermissionSet fromString(String text) {
                return null;
            }
        };
    }
}
