package com.keydesk.cli;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.Secret;
import com.keydesk.domain.Texts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a key looks on the command line: Files.com's field names, never a secret unless just issued. */
final class KeyView {
    /** The fields of a key on the command line, in the order JSON and CSV show them. */
    enum Field {
        ID, NAME, DESCRIPTION, DESCRIPTIVE_LABEL, TYPE, USER_ID, USERNAME, PERMISSION_SET, STATUS, CREATED_AT,
        CREATED_BY, EXPIRES_AT, LAST_USE_AT;

        private final String wireName = name().toLowerCase(Locale.ROOT);

        String wireName() {
            return wireName;
        }

        /** This field of the key; the status is judged at the command's own "now". */
        Object read(ApiKey key, Instant now) {
            return switch (this) {
                case ID -> key.id();
                case NAME -> key.name();
                case DESCRIPTION -> key.description();
                case DESCRIPTIVE_LABEL -> key.descriptiveLabel();
                case TYPE -> key.type().name().toLowerCase(Locale.ROOT);
                case USER_ID -> key.userId();
                case USERNAME -> key.ownerUsername();
                case PERMISSION_SET -> key.permissionSet().wireName();
                case STATUS -> key.status(now).wireName();
                case CREATED_AT -> key.createdAt();
                case CREATED_BY -> key.createdBy();
                case EXPIRES_AT -> key.expiresAt();
                case LAST_USE_AT -> key.lastUseAt();
            };
        }
    }

    static final List<Field> FIELDS = List.of(Field.values());

    static final List<String> EXPORT_COLUMNS = FIELDS.stream().map(Field::wireName).toList();

    private KeyView() {
    }

    static Map<String, Object> fields(ApiKey key, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            out.put(field.wireName(), field.read(key, now));
        }
        return out;
    }

    /** The column where {@link #showText} starts each value: a field name, its colon, padding. */
    private static final int VALUE_COLUMN = 19;

    /**
     * The text form of {@code keys show}: one "name: value" line per field. A value's own line
     * breaks continue on lines indented to the value column, and other control or invisible
     * characters show as '?', so no line of a value can pass for a field: a description holding
     * "\npermission_set: full" shows that text indented under the description, never at the start
     * of a line where the fields are. Rows edited outside KeyDesk get the same treatment.
     */
    static String showText(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder();
        String indent = " ".repeat(VALUE_COLUMN);
        fields.forEach((name, value) -> {
            String[] lines = (value == null ? "" : value.toString()).split("\\R", -1);
            out.append(String.format("%-" + (VALUE_COLUMN - 1) + "s %s", name + ":", visible(lines[0])));
            for (int i = 1; i < lines.length; i++) {
                out.append(System.lineSeparator()).append(indent).append(visible(lines[i]));
            }
            out.append(System.lineSeparator());
        });
        return out.toString();
    }

    /** One line of a value as a terminal should show it: a tab as a space, other hidden or control characters as '?'. */
    private static String visible(String line) {
        if (plainAscii(line)) {
            return line;   // the usual case, and keys list writes one per key: no copy
        }
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else {
                out.appendCodePoint(Texts.isUnsafe(cp) && !Texts.isJoiner(cp) ? '?' : cp);
            }
        });
        return out.toString();
    }

    private static boolean plainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The one place a secret is written out: right after create or replace, as Files.com's {@code key}. */
    static Map<String, Object> issued(ApiKey key, Secret secret, Instant now) {
        Map<String, Object> out = fields(key, now);
        out.put("key", secret.reveal());
        return out;
    }

    static String tableHeader() {
        return String.format("%-6s %-28s %-10s %-18s %-17s %-24s %s", "ID", "NAME", "OWNER", "PERMISSION", "STATUS",
                "KEY", "EXPIRES");
    }

    static String tableRow(ApiKey key, Instant now) {
        KeyStatus status = key.status(now);
        // one line per key whatever a row edited outside KeyDesk holds: line breaks and control characters show as '?'
        return String.format("%-6d %-28s %-10s %-18s %-17s %-24s %s", key.id(), clip(visible(key.name()), 28),
                key.ownerUsername() == null ? "(site)" : clip(visible(key.ownerUsername()), 10),
                key.permissionSet().wireName(), status.wireName(), key.descriptiveLabel(),
                key.expiresAt() == null ? "never" : key.expiresAt().toString());
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
