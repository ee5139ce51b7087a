package com.keydesk.service;

import com.keydesk.domain.ValidationException;
import com.keydesk.store.BackupTables;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * KeyDesk's own reader of its backup format. Rows are checked against the product's rules as they
 * stream past and handed to a sink one at a time (100,000 keys are never held together); the
 * manifest, last, must then agree with everything read: checksums, row counts, the site, and the
 * audit chain's head. Any failure is one sentence naming the backup and what is wrong with it.
 */
final class BackupReader {
    private BackupReader() {
    }

    /** What a valid backup says about itself. */
    record Manifest(int schemaVersion, String keydeskVersion, Instant createdAt, String siteName, String siteIdentity,
                    long headSeq, String headHash) {
    }

    /**
     * A quick look before asking a person to confirm: a readable zip whose first entry is not the
     * old format's database file. Reads no entry's contents.
     */
    static void peek(Path zip) {
        requireFile(zip);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            var first = in.getNextEntry();
            if (first == null) {
                throw notABackup(zip);
            }
            checkName(zip, first.getName(), Set.of());
        } catch (IOException e) {
            throw notABackup(zip);
        }
    }

    static Manifest read(Path zip, BackupFormat.Limits limits, BackupTables.Rows sink) {
        requireFile(zip);
        BackupRowRules rules = new BackupRowRules();
        Map<String, BackupWriter.FileSum> seen = new HashMap<>();
        Set<String> names = new HashSet<>();
        try (BoundedZip in = new BoundedZip(zip, limits)) {
            for (int i = 0; ; i++) {
                String name = in.next();
                if (name == null) {
                    if (i == 0) {
                        throw notABackup(zip);
                    }
                    throw refused(zip, "it ends before " + BackupFormat.ENTRIES.get(i) + " (the backup is incomplete)");
                }
                checkName(zip, name, names);
                names.add(name);
                if (i >= BackupFormat.ENTRIES.size() || !BackupFormat.ENTRIES.get(i).equals(name)) {
                    throw refused(zip, "its entries are not in the order KeyDesk writes them (" + name + ")");
                }
                MessageDigest digest = BackupWriter.sha256();
                InputStream entry = in.entry(name, digest);
                if (name.equals(BackupFormat.MANIFEST)) {
                    Manifest manifest = manifest(zip, readAll(zip, entry, limits.lineBytes()), seen, rules);
                    String extra = in.next();
                    if (extra != null) {
                        checkName(zip, extra, names);
                        throw refused(zip, "it holds an entry after the manifest (" + extra + ")");
                    }
                    return manifest;
                }
                long rows = rows(zip, name, entry, limits.lineBytes(), rules, sink);
                seen.put(name, new BackupWriter.FileSum(rows, HexFormat.of().formatHex(digest.digest())));
            }
        } catch (ZipException e) {
            throw refused(zip, "it is not a well-formed zip file");
        } catch (IOException e) {
            throw refused(zip, "it could not be read (" + e.getMessage() + ")");
        }
    }

    private static long rows(Path zip, String name, InputStream entry, int maxLine, BackupRowRules rules,
                             BackupTables.Rows sink) throws IOException {
        Lines lines = new Lines(zip, name, entry, maxLine);
        long count = 0;
        while (lines.next()) {
            count++;
            try {
                switch (name) {
                    case BackupFormat.SITE -> sink.site(rules.site(BackupLine.parse(lines.name, count, lines.buffer,
                            lines.length, BackupFormat.SITE_FIELDS, BackupFormat.SITE_FIELDS_SINCE_V5)));
                    case BackupFormat.USERS -> sink.user(rules.user(BackupLine.parse(lines.name, count, lines.buffer,
                            lines.length, BackupFormat.USER_FIELDS, BackupFormat.USER_FIELDS_SINCE_V6)));
                    case BackupFormat.KEYS -> sink.key(rules.key(line(lines, count, BackupFormat.KEY_FIELDS)));
                    case BackupFormat.AUDIT -> sink.audit(rules.audit(line(lines, count, BackupFormat.AUDIT_FIELDS)));
                    default -> throw new IllegalStateException(name);
                }
            } catch (BackupLine.Bad bad) {
                throw refused(zip, bad.getMessage());
            } catch (ValidationException rule) {
                throw refused(zip, "line " + count + " of " + name + ": " + stripDot(rule.getMessage()));
            }
        }
        return count;
    }

    private static BackupLine line(Lines lines, long number, List<String> fields) {
        return BackupLine.parse(lines.name, number, lines.buffer, lines.length, fields);
    }

    private static Manifest manifest(Path zip, byte[] json, Map<String, BackupWriter.FileSum> seen, BackupRowRules rules) {
        Map<String, Object> m = new HashMap<>();
        Map<String, Object> head = new HashMap<>();
        Map<String, Map<String, Object>> files = new HashMap<>();
        try (JsonParser p = BackupFormat.JSON.createParser(ObjectReadContext.empty(), json, 0, json.length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw refused(zip, "its manifest is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "audit_head" -> object(zip, p, t, head);
                    case "files" -> {
                        expect(zip, t == JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String file = p.currentName();
                            Map<String, Object> sum = new HashMap<>();
                            object(zip, p, p.nextToken(), sum);
                            files.put(file, sum);
                        }
                    }
                    default -> m.put(field, scalar(zip, p, t));
                }
            }
            expect(zip, p.nextToken() == null);
        } catch (JacksonException e) {
            throw refused(zip, "its manifest is not valid JSON within KeyDesk's limits");
        }
        if (!BackupFormat.NAME.equals(m.get("format"))) {
            throw refused(zip, "its manifest does not name the KeyDesk backup format");
        }
        long version = whole(zip, m.get("format_version"));
        long schema = whole(zip, m.get("schema_version"));
        if (version > BackupFormat.VERSION || schema > BackupTables.schemaVersion()) {
            throw refused(zip, "it was made by a newer KeyDesk (format " + version + ", schema " + schema
                    + "); install that KeyDesk to restore it");
        }
        if (version != BackupFormat.VERSION) {
            throw refused(zip, "its format version " + version + " is not one KeyDesk knows");
        }
        if (!files.keySet().equals(new HashSet<>(BackupFormat.DATA_FILES))) {
            throw refused(zip, "its manifest does not list exactly the backup's data files");
        }
        for (String file : BackupFormat.DATA_FILES) {
            Map<String, Object> sum = files.get(file);
            BackupWriter.FileSum actual = seen.get(file);
            if (!Long.valueOf(actual.rows()).equals(sum.get("rows")) || !actual.sha256().equals(sum.get("sha256"))) {
                throw refused(zip, file + " does not match the checksum or row count in the manifest (it was changed"
                        + " after the backup was made)");
            }
        }
        try {
            rules.requireComplete();
        } catch (BackupLine.Bad bad) {
            throw refused(zip, bad.getMessage());
        }
        if (!Long.valueOf(rules.lastSeq()).equals(head.get("seq")) || !rules.lastHash().equals(head.get("hash"))) {
            throw refused(zip, "its audit log does not end at the head its manifest records (entries were cut off,"
                    + " added or rewritten)");
        }
        if (rules.sitePolicyCarried() != (schema >= BackupFormat.SITE_POLICY_SCHEMA)) {
            throw refused(zip, "its site line does not carry the settings its schema version " + schema + " has");
        }
        if (!rules.identity().equals(m.get("site_identity")) || !rules.siteRow().name().equals(m.get("site_name"))) {
            throw refused(zip, "its manifest names another site than its rows");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(String.valueOf(m.get("created_at")));
        } catch (java.time.DateTimeException e) {
            throw refused(zip, "its manifest's created_at is not a time");
        }
        Object keydesk = m.get("keydesk_version");
        return new Manifest((int) schema, keydesk instanceof String s && s.length() <= 40 ? s : "?", createdAt,
                rules.siteRow().name(), rules.identity(), rules.lastSeq(), rules.lastHash());
    }

    private static void object(Path zip, JsonParser p, JsonToken start, Map<String, Object> into) {
        expect(zip, start == JsonToken.START_OBJECT);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            into.put(field, scalar(zip, p, p.nextToken()));
        }
        expect(zip, t == JsonToken.END_OBJECT);
    }

    private static Object scalar(Path zip, JsonParser p, JsonToken t) {
        expect(zip, t != null);
        return switch (t) {
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NULL -> null;
            default -> throw refused(zip, "its manifest has a field KeyDesk does not write");
        };
    }

    private static long whole(Path zip, Object value) {
        if (!(value instanceof Long n)) {
            throw refused(zip, "its manifest lacks a version number");
        }
        return n;
    }

    private static void expect(Path zip, boolean condition) {
        if (!condition) {
            throw refused(zip, "its manifest is not shaped as KeyDesk writes it");
        }
    }

    private static byte[] readAll(Path zip, InputStream entry, int max) throws IOException {
        byte[] bytes = entry.readNBytes(max + 1);
        if (bytes.length > max) {
            throw refused(zip, "its manifest is longer than " + max + " bytes");
        }
        return bytes;
    }

    /**
     * Refuses a name a KeyDesk backup never holds: one with a folder in it, one that climbs out
     * with {@code ..}, an absolute one, a second entry of the same name, any name not in the
     * format, and the old format's database file, which is never opened.
     */
    private static void checkName(Path zip, String name, Set<String> seen) {
        if (name.equals(BackupFormat.OLD_FORMAT_ENTRY) || name.endsWith(".mv.db") || name.endsWith(".h2.db")) {
            throw new ValidationException("file", zip + " is a backup in KeyDesk's old format, a database file, which"
                    + " KeyDesk no longer opens because a database file can carry code that runs when it is opened."
                    + " Open it with the KeyDesk that made it (if you trust it) and make a new backup there.");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.contains("..") || name.contains("/")
                || name.contains("\\") || name.contains(":") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused(zip, "it holds an entry with a path in its name (" + printable(name)
                    + "); a KeyDesk backup holds only its own five files");
        }
        if (seen.contains(name)) {
            throw refused(zip, "it holds " + name + " twice");
        }
        if (!BackupFormat.ENTRIES.contains(name)) {
            throw refused(zip, "it holds an entry KeyDesk does not write (" + printable(name) + ")");
        }
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return com.keydesk.domain.Texts.printable(shown);
    }

    private static void requireFile(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new ValidationException("file", "There is no backup file at " + zip + ".");
        }
    }

    private static ValidationException notABackup(Path zip) {
        return new ValidationException("file", zip + " is not a KeyDesk backup (not a readable zip file).");
    }

    static ValidationException refused(Path zip, String why) {
        return new ValidationException("file", "The backup " + zip + " was refused: " + why + ". Nothing was changed.");
    }

    private static String stripDot(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /** Lines of at most {@code max} bytes, each ending in a line feed, read into one reused buffer. */
    private static final class Lines {
        final String name;
        private final Path zip;
        private final InputStream in;
        final byte[] buffer;
        int length;
        private final byte[] chunk = new byte[64 * 1024];
        private int pos;
        private int end;

        Lines(Path zip, String name, InputStream in, int max) {
            this.zip = zip;
            this.name = name;
            this.in = in;
            this.buffer = new byte[max];
        }

        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (pos == end) {
                    end = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        if (length > 0) {
                            throw refused(zip, name + " ends in the middle of a line");
                        }
                        return false;
                    }
                }
                byte b = chunk[pos++];
                if (b == '\n') {
                    if (length == 0) {
                        throw refused(zip, name + " has an empty line");
                    }
                    return true;
                }
                if (length == buffer.length) {
                    throw refused(zip, name + " has a line longer than " + buffer.length + " bytes");
                }
                buffer[length++] = b;
            }
        }
    }
}
