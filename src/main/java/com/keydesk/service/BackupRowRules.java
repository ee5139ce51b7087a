package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.BackupTables.KeyRow;
import com.keydesk.store.BackupTables.SiteRow;
import com.keydesk.store.BackupTables.UserRow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The product's rules applied to every row a backup brings, as strictly as KeyDesk applies them
 * to what a person types, plus what the store itself guarantees: ids in order, references that
 * exist, unique names and lookup ids, one site, an active administrator, an unbroken audit chain.
 * A row that KeyDesk could not have written is refused.
 */
final class BackupRowRules {
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=[0-9]{1,7},t=[0-9]{1,3},p=[0-9]{1,3}\\$[A-Za-z0-9+/]{11,64}\\$[A-Za-z0-9+/]{16,128}");
    private static final Pattern LOOKUP_ID = Pattern.compile("[0-9A-Za-z]{12}");
    private static final Pattern LABEL_TAIL = Pattern.compile("[0-9A-Za-z]{4}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> OUTCOMES = Set.of(AuditEntry.OUTCOME_OK, AuditEntry.OUTCOME_DENIED,
            AuditEntry.OUTCOME_FAILED);

    private SiteRow site;
    private boolean sitePolicyCarried;
    private long lastUserId;
    private final Map<Long, Boolean> users = new HashMap<>();
    private final Set<String> usernames = new HashSet<>();
    private long activeAdmins;
    private long lastKeyId;
    private final Set<String> lookupIds = new HashSet<>();
    private long lastSeq;
    private String lastHash = AuditChain.GENESIS;
    private String identity;

    SiteRow site(BackupLine line) {
        if (site != null) {
            throw new BackupLine.Bad("site.jsonl holds more than one site");
        }
        String name = line.requiredText("name");
        same(line, "name", Validation.siteName(name), name);
        PermissionSet defaultPermission = Site.FIRST_DEFAULT_PERMISSION_SET;
        Integer maxLifetime = null;
        sitePolicyCarried = line.has(BackupFormat.SITE_FIELDS_SINCE_V5.getFirst());
        if (sitePolicyCarried) {
            defaultPermission = permission(line, "default_permission_set");
            if (defaultPermission == PermissionSet.NONE) {
                throw new BackupLine.Bad(line.where() + ": default_permission_set is none, which KeyDesk never stores");
            }
            Long days = line.number("max_key_lifetime_days");
            if (days != null && (days < 1 || days > Validation.KEY_LIFETIME_MAX_DAYS)) {
                throw new BackupLine.Bad(line.where() + ": max_key_lifetime_days is not from 1 to "
                        + Validation.KEY_LIFETIME_MAX_DAYS);
            }
            maxLifetime = days == null ? null : days.intValue();
        }
        site = new SiteRow(name, line.flag("users_can_create_api_keys"), line.requiredTime("created_at"),
                defaultPermission.wireName(), maxLifetime);
        return site;
    }

    UserRow user(BackupLine line) {
        long id = ascending(line, lastUserId);
        lastUserId = id;
        String username = line.requiredText("username");
        same(line, "username", Validation.username(username), username);
        String key = line.requiredText("username_key");
        if (!key.equals(username.toLowerCase(Locale.ROOT))) {
            throw new BackupLine.Bad(line.where() + ": username_key does not match the username");
        }
        if (!usernames.add(key)) {
            throw new BackupLine.Bad(line.where() + ": the username " + username + " appears twice");
        }
        String displayName = line.text("display_name");
        if (displayName != null) {
            same(line, "display_name", Validation.displayName(displayName), displayName);
        }
        UserRow row = new UserRow(id, username, key, displayName, line.flag("is_admin"), line.flag("active"),
                hash(line, "password_hash"), line.requiredTime("created_at"),
                line.has(BackupFormat.USER_FIELDS_SINCE_V6.getFirst()) && line.flag("must_change_password"));
        users.put(id, row.admin());
        if (row.admin() && row.active()) {
            activeAdmins++;
        }
        return row;
    }

    KeyRow key(BackupLine line) {
        long id = ascending(line, lastKeyId);
        lastKeyId = id;
        String lookupId = line.requiredText("lookup_id");
        if (!LOOKUP_ID.matcher(lookupId).matches()) {
            throw new BackupLine.Bad(line.where() + ": lookup_id is not a KeyDesk lookup id");
        }
        if (!lookupIds.add(lookupId)) {
            throw new BackupLine.Bad(line.where() + ": the lookup id " + lookupId + " appears twice");
        }
        String name = line.requiredText("name");
        same(line, "name", Validation.keyName(name), name);
        String description = line.text("description");
        if (description != null) {
            same(line, "description", Validation.description(description), description);
        }
        Long owner = reference(line, "user_id");
        PermissionSet permission = permission(line, "permission_set");
        String previousText = line.text("previous_permission_set");
        PermissionSet previous = previousText == null ? null : permission(line, "previous_permission_set");
        if (owner == null && (permission != PermissionSet.FULL && permission != PermissionSet.NONE
                || previous != null && previous != PermissionSet.FULL)) {
            throw new BackupLine.Bad(line.where() + ": a site key's permission set is full or none");
        }
        String label = line.requiredText("descriptive_label");
        String prefix = "kd" + (owner == null ? "s" : "u") + "_" + lookupId + "\u2026";
        if (label.length() != prefix.length() + 4 || !label.startsWith(prefix)
                || !LABEL_TAIL.matcher(label.substring(prefix.length())).matches()) {
            throw new BackupLine.Bad(line.where() + ": descriptive_label does not fit the key");
        }
        return new KeyRow(id, lookupId, hash(line, "secret_hash"), name, description, owner,
                permission.wireName(), previous == null ? null : previous.wireName(), line.flag("disabled_by_admin"),
                label, line.requiredTime("created_at"), reference(line, "created_by"), line.time("expires_at"),
                line.time("last_use_at"));
    }

    /** Each entry must follow the one before it and hash to what it says: the chain is recomputed here. */
    AuditEntry audit(BackupLine line) {
        long seq = line.positive("seq");
        if (seq != lastSeq + 1) {
            throw new BackupLine.Bad(line.where() + ": audit entry " + (lastSeq + 1) + " is missing or out of order");
        }
        AuditEntry e = new AuditEntry(seq, line.requiredTime("at"),
                bounded(line, "actor", line.requiredText("actor"), 64),
                bounded(line, "action", line.requiredText("action"), 64),
                bounded(line, "target", line.text("target"), 200),
                line.requiredText("outcome"),
                bounded(line, "detail", line.text("detail"), 2000),
                rowDigest(line, line.text("row_digest")),
                hex(line, "prev_hash", line.requiredText("prev_hash")),
                hex(line, "entry_hash", line.requiredText("entry_hash")));
        if (!OUTCOMES.contains(e.outcome())) {
            throw new BackupLine.Bad(line.where() + ": outcome is not one KeyDesk writes");
        }
        if (!e.prevHash().equals(lastHash)) {
            throw new BackupLine.Bad("audit entry " + seq + " does not follow the entry before it (the history was changed)");
        }
        if (!AuditChain.hashOf(e).equals(e.entryHash())) {
            throw new BackupLine.Bad("audit entry " + seq + " was changed after it was written");
        }
        if (seq == 1) {
            identity = e.entryHash();
        }
        lastSeq = seq;
        lastHash = e.entryHash();
        return e;
    }

    /** What must hold once every row is read. */
    void requireComplete() {
        if (site == null) {
            throw new BackupLine.Bad("it holds no site");
        }
        if (activeAdmins == 0) {
            throw new BackupLine.Bad("it holds no active administrator, so nobody could sign in to manage it");
        }
        if (identity == null) {
            throw new BackupLine.Bad("its audit log is empty");
        }
    }

    SiteRow siteRow() {
        return site;
    }

    /** Whether the site's line carried the settings schema 5 added (a backup of an older store does not). */
    boolean sitePolicyCarried() {
        return sitePolicyCarried;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    String identity() {
        return identity;
    }

    private Long reference(BackupLine line, String field) {
        Long id = line.number(field);
        if (id != null && !users.containsKey(id)) {
            throw new BackupLine.Bad(line.where() + ": " + field + " names a user the backup does not hold");
        }
        return id;
    }

    private static long ascending(BackupLine line, long previous) {
        long id = line.positive("id");
        if (id <= previous) {
            throw new BackupLine.Bad(line.where() + ": ids are not in ascending order (id " + id + " again or out of place)");
        }
        return id;
    }

    private static PermissionSet permission(BackupLine line, String field) {
        try {
            return PermissionSet.parse(line.requiredText(field));
        } catch (ValidationException e) {
            throw new BackupLine.Bad(line.where() + ": " + field + " is not a permission set");
        }
    }

    private static String hash(BackupLine line, String field) {
        String hash = line.requiredText(field);
        if (hash.length() > 255 || !ARGON2ID.matcher(hash).matches()) {
            throw new BackupLine.Bad(line.where() + ": " + field + " is not an Argon2id hash");
        }
        return hash;
    }

    /** A row's digest, or the word a revoke records for a row that is gone (RowBinding.REMOVED). */
    private static String rowDigest(BackupLine line, String value) {
        return RowBinding.REMOVED.equals(value) ? value : hex(line, "row_digest", value);
    }

    private static String hex(BackupLine line, String field, String value) {
        if (value != null && !HEX64.matcher(value).matches()) {
            throw new BackupLine.Bad(line.where() + ": " + field + " is not a SHA-256 in hex");
        }
        return value;
    }

    private static String bounded(BackupLine line, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new BackupLine.Bad(line.where() + ": " + field + " is longer than " + max + " characters");
        }
        return value;
    }

    /** Stored text is always the canonical form KeyDesk's own rule returns (stripped, no control characters). */
    private static void same(BackupLine line, String field, String canonical, String stored) {
        if (!stored.equals(canonical)) {
            throw new BackupLine.Bad(line.where() + ": " + field + " is not as KeyDesk stores it");
        }
    }
}
