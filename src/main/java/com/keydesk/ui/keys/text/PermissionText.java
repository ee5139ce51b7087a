package com.keydesk.ui.keys.text;

import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.Messages;
import javafx.util.StringConverter;

/** A permission set as people read it, e.g. "Files only (files_only)". */
public final class PermissionText {
    private PermissionText() {
    }

    public static String text(PermissionSet set) {
        return set == null ? "" : Messages.format("permission." + set.wireName(), set.wireName());
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
