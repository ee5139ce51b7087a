package com.keydesk.service;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import java.util.List;

/**
 * KeyDesk's backup format (docs/BACKUP-FORMAT.md): a zip holding one JSON-lines file per table
 * and, last, {@code manifest.json} with the checksums and row counts of the files before it.
 * Only these names, only in this order. A backup is data: KeyDesk reads it with its own reader
 * and never opens a database file someone else made.
 */
final class BackupFormat {
    static final String NAME = "keydesk-backup";
    static final int VERSION = 1;
    static final String SITE = "site.jsonl";
    static final String USERS = "users.jsonl";
    static final String KEYS = "keys.jsonl";
    static final String AUDIT = "audit.jsonl";
    static final String MANIFEST = "manifest.json";
    /** The entries of a backup, in the order they are written and must be read. */
    static final List<String> ENTRIES = List.of(SITE, USERS, KEYS, AUDIT, MANIFEST);
    static final List<String> DATA_FILES = List.of(SITE, USERS, KEYS, AUDIT);
    /** What H2's BACKUP TO wrote: the format before this one. */
    static final String OLD_FORMAT_ENTRY = "keydesk.mv.db";

    static final List<String> SITE_FIELDS = List.of("name", "users_can_create_api_keys", "created_at");
    /**
     * The site's settings since schema 5. A backup of schema 5 or later carries them; one of an
     * older store does not, and restores with the values V5 gave every store it migrated.
     */
    static final List<String> SITE_FIELDS_SINCE_V5 = List.of("default_permission_set", "max_key_lifetime_days");
    static final int SITE_POLICY_SCHEMA = 5;
    static final List<String> USER_FIELDS = List.of("id", "username", "username_key", "display_name", "is_admin",
            "active", "password_hash", "created_at");
    /** Since schema 6; a backup of an older store has none, and restores with no password change pending. */
    static final List<String> USER_FIELDS_SINCE_V6 = List.of("must_change_password");
    static final List<String> KEY_FIELDS = List.of("id", "lookup_id", "secret_hash", "name", "description", "user_id",
            "permission_set", "previous_permission_set", "disabled_by_admin", "descriptive_label", "created_at",
            "created_by", "expires_at", "last_use_at");
    static final List<String> AUDIT_FIELDS = List.of("seq", "at", "actor", "action", "target", "outcome", "detail",
            "row_digest", "prev_hash", "entry_hash");

    /** How much a backup may make KeyDesk read: each bound is checked while reading, never taken from a header. */
    record Limits(long entryBytes, long totalBytes, int lineBytes, long ratio, long ratioGrace) {
        /**
         * A line holds at most a 2,000-character audit detail (6 bytes per escaped character) and
         * a few short fields; an entry of 1 GiB holds about two million keys. Key and audit lines
         * hold hashes and random ids, which compress about 2:1: a ratio past 100:1 is a bomb.
         */
        static final Limits STANDARD = new Limits(1L << 30, 2L << 30, 64 * 1024, 100, 1L << 20);
    }

    /** Jackson's streaming reader, bounded for untrusted input; one line is one document. */
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(3)
                    .maxNumberLength(20)
                    .maxStringLength(16 * 1024)
                    .maxNameLength(64)
                    .maxDocumentLength(Limits.STANDARD.lineBytes())
                    .maxTokenCount(1_000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .rootValueSeparator((String) null)
            .build();

    private BackupFormat() {
    }
}
