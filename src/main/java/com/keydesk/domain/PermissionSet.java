package com.keydesk.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Files.com's permission sets. {@link #NONE} means the key is disabled. */
public enum PermissionSet {
    FULL("full"),
    NONE("none"),
    DESKTOP_APP("desktop_app"),
    SYNC_APP("sync_app"),
    OFFICE_INTEGRATION("office_integration"),
    MOBILE_APP("mobile_app"),
    FILES_ONLY("files_only");

    private final String wireName;

    PermissionSet(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in storage, JSON and the command line. */
    public String wireName() {
        return wireName;
    }

    public static PermissionSet parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (PermissionSet set : values()) {
            if (set.wireName.equals(wanted)) {
                return set;
            }
        }
        throw new ValidationException("permission", "Unknown permission set \"" + Texts.printable(text)
                + "\". Choose one of: " + allNames() + ".");
    }

    public static String allNames() {
        return Arrays.stream(values()).map(PermissionSet::wireName).collect(Collectors.joining(", "));
    }
}
