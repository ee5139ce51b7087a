package com.keydesk.ui.keys;

import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionSet;

import com.keydesk.ui.Messages;
import com.keydesk.ui.keys.text.DisplayStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of a key table: what its columns, search and actions need (a {@link KeySummary},
 * never the whole key: the details dialog loads that by id), the status at the time it was
 * loaded, and the lower-cased text search looks in (made once, so a keystroke over 100,000 rows
 * is one contains() per row). The description is kept only inside that text.
 */
public final class KeyRow {
    private final long id;
    private final String name;
    private final String label;
    private final String owner;
    private final PermissionSet permission;
    private final PermissionSet restoredOnEnable;
    private final boolean disabledByAdmin;
    private final DisplayStatus status;
    private final Instant createdAt;
    private final String createdBy;
    private final Instant expiresAt;
    private final Instant lastUseAt;
    private final String searchText;

    /**
     * A row of a table read a page at a time ({@link PagedRows}) whose page is still on its way:
     * blank in every column, never selected into an action.
     */
    static final KeyRow LOADING = new KeyRow();

    private KeyRow() {
        this.id = -1;
        this.name = "";
        this.label = "";
        this.owner = null;
        this.permission = null;
        this.restoredOnEnable = null;
        this.disabledByAdmin = false;
        this.status = null;
        this.createdAt = null;
        this.createdBy = null;
        this.expiresAt = null;
        this.lastUseAt = null;
        this.searchText = "";
    }

    private KeyRow(KeySummary key, DisplayStatus status) {
        this.id = key.id();
        this.name = key.name();
        this.label = key.descriptiveLabel();
        this.owner = key.ownerUsername();
        this.permission = key.permissionSet();
        this.restoredOnEnable = key.restoredOnEnable();
        this.disabledByAdmin = key.disabledByAdmin();
        this.status = status;
        this.createdAt = key.createdAt();
        this.createdBy = key.createdBy();
        this.expiresAt = key.expiresAt();
        this.lastUseAt = key.lastUseAt();
        this.searchText = String.join("\n", nonNull(key.name()), nonNull(key.description()), nonNull(label),
                nonNull(owner)).toLowerCase(Locale.ROOT);
    }

    public static KeyRow of(KeySummary key, Instant now) {
        return new KeyRow(key, DisplayStatus.of(key, now));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The form {@link #matches} expects: made once per keystroke, not once per row. */
    public static String normalize(String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }

    /** Search: name, description, label and owner, ignoring case; {@code query} is {@link #normalize}d. */
    public boolean matches(String normalizedQuery) {
        return normalizedQuery.isEmpty() || searchText.contains(normalizedQuery);
    }

    public long id() { return id; }
    public String name() { return name; }
    public String label() { return label; }
    public String owner() { return owner == null ? "" : owner; }
    public String permission() { return permission == null ? "" : permission.wireName(); }
    /**
     * The Permission column: the set, and for a disabled key (its set is none, the Status column
     * says Disabled) the one it keeps for Enable to give back, "was files_only": "none" alone hid
     * what Enable restores. Short, so that it fits the column at 1024 wide.
     */
    public String permissionText() {
        return restoredOnEnable == null ? permission()
                : Messages.format("keys.permission.kept", restoredOnEnable.wireName());
    }
    /** The set Enable gives back, or null if the key is not disabled. */
    public PermissionSet restoredOnEnable() { return restoredOnEnable; }
    public boolean disabledByAdmin() { return disabledByAdmin; }
    public DisplayStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    /** Null if whoever created it no longer exists. */
    public String createdBy() { return createdBy; }
    public Instant expiresAt() { return expiresAt; }
    public Instant lastUseAt() { return lastUseAt; }

    public boolean isSiteKey() {
        return owner == null;
    }

    public KeyType type() {
        return isSiteKey() ? KeyType.SITE : KeyType.USER;
    }

    @Override
    public String toString() {
        return "KeyRow[id=" + id + ", name=" + name + "]";
    }
}
