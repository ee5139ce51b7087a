package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.AuditRepository;
import com.keydesk.store.AuditRepository.Head;
import com.keydesk.store.BackupTables;
import com.keydesk.store.BackupTables.KeyRow;
import com.keydesk.store.BackupTables.SiteRow;
import com.keydesk.store.BackupTables.UserRow;
import org.jooq.DSLContext;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup of the open store in the caller's transaction. The file is made under a
 * temporary name beside the target, readable only by its owner from its first byte, and takes
 * the target's name only when complete; an existing file is never replaced. Rows go straight
 * from the store into the zip, one at a time.
 */
final class BackupWriter {
    private BackupWriter() {
    }

    /** What the manifest says of one data file. */
    record FileSum(long rows, String sha256) {
    }

    static void write(DSLContext tx, Path target, Instant now, String keydeskVersion) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new ValidationException("file", "The backup target " + file + " is a folder; give a file name.");
        }
        if (Files.exists(file)) {
            throw new ValidationException("file", "The backup file " + file + " already exists; choose a new name.");
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ValidationException("file", "There is no folder " + folder + " to write the backup into.");
        }
        // Appends wait on the head's lock, so every audited change is either wholly in this backup or not at all.
        Head head = new AuditRepository(tx).lockHead().orElseThrow(() ->
                new ConflictException("This store has no audit head record; run 'keydesk audit verify'."));
        Path partial = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            // CREATE_NEW, with mode 0600 given to the creating call itself: never readable by others, not even briefly
            Files.createFile(partial, ownerOnlyAttributes(folder));
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.WRITE);
                 Zip zip = new Zip(out)) {
                BackupTables.readAll(tx, zip);
                zip.finishData();
                requireHead(zip, head);
                zip.manifest(now, keydeskVersion, head);
            }
            publish(partial, file);
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Could not write the backup " + file + ": " + e.getMessage()
                    + ". Nothing was left behind.", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // holds only hashes, readable only by its owner; nothing more can be done here
            }
        }
    }

    /** The new file takes its name without ever replacing one that appeared meanwhile. */
    private static void publish(Path partial, Path file) throws IOException {
        try {
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException e) {
            throw new ValidationException("file", "The backup file " + file + " already exists; choose a new name.");
        } catch (UnsupportedOperationException | IOException noLinks) {
            // a file system without hard links (FAT on a USB stick): move refuses an existing target
            try {
                Files.move(partial, file);
            } catch (FileAlreadyExistsException e) {
                throw new ValidationException("file", "The backup file " + file + " already exists; choose a new name.");
            }
        }
    }

    private static FileAttribute<?>[] ownerOnlyAttributes(Path folder) throws IOException {
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static void requireHead(Zip zip, Head head) {
        if (zip.lastSeq != head.lastSeq() || !zip.lastHash.equals(head.lastHash())) {
            throw new ConflictException("The audit log does not end where its head record says, so this store cannot"
                    + " be backed up as it is; run 'keydesk audit verify'.");
        }
    }

    /** The zip being written: one entry per table in order, each counted and hashed, then the manifest. */
    private static final class Zip implements BackupTables.Rows, AutoCloseable {
        private final ZipOutputStream zip;
        private final Map<String, FileSum> sums = new LinkedHashMap<>();
        private int entry = -1;
        private Entry current;
        private SiteRow site;
        private String identity;
        private long lastSeq;
        private String lastHash = AuditChain.GENESIS;

        Zip(OutputStream out) {
            this.zip = new ZipOutputStream(out);
        }

        @Override
        public void site(SiteRow row) {
            site = row;
            JsonGenerator g = at(BackupFormat.SITE);
            g.writeStartObject();
            g.writeStringProperty("name", row.name());
            g.writeBooleanProperty("users_can_create_api_keys", row.usersCanCreateApiKeys());
            g.writeStringProperty("created_at", text(row.createdAt()));
            g.writeStringProperty("default_permission_set", row.defaultPermissionSet());
            number(g, "max_key_lifetime_days", row.maxKeyLifetimeDays() == null ? null : (long) row.maxKeyLifetimeDays());
            end(g);
        }

        @Override
        public void user(UserRow row) {
            JsonGenerator g = at(BackupFormat.USERS);
            g.writeStartObject();
            g.writeNumberProperty("id", row.id());
            g.writeStringProperty("username", row.username());
            g.writeStringProperty("username_key", row.usernameKey());
            g.writeStringProperty("display_name", row.displayName());
            g.writeBooleanProperty("is_admin", row.admin());
            g.writeBooleanProperty("active", row.active());
            g.writeStringProperty("password_hash", row.passwordHash());
            g.writeStringProperty("created_at", text(row.createdAt()));
            g.writeBooleanProperty("must_change_password", row.mustChangePassword());
            end(g);
        }

        @Override
        public void key(KeyRow row) {
            JsonGenerator g = at(BackupFormat.KEYS);
            g.writeStartObject();
            g.writeNumberProperty("id", row.id());
            g.writeStringProperty("lookup_id", row.lookupId());
            g.writeStringProperty("secret_hash", row.secretHash());
            g.writeStringProperty("name", row.name());
            g.writeStringProperty("description", row.description());
            number(g, "user_id", row.userId());
            g.writeStringProperty("permission_set", row.permissionSet());
            g.writeStringProperty("previous_permission_set", row.previousPermissionSet());
            g.writeBooleanProperty("disabled_by_admin", row.disabledByAdmin());
            g.writeStringProperty("descriptive_label", row.descriptiveLabel());
            g.writeStringProperty("created_at", text(row.createdAt()));
            number(g, "created_by", row.createdBy());
            g.writeStringProperty("expires_at", text(row.expiresAt()));
            g.writeStringProperty("last_use_at", text(row.lastUseAt()));
            end(g);
        }

        @Override
        public void audit(AuditEntry e) {
            JsonGenerator g = at(BackupFormat.AUDIT);
            g.writeStartObject();
            g.writeNumberProperty("seq", e.seq());
            g.writeStringProperty("at", text(e.at()));
            g.writeStringProperty("actor", e.actor());
            g.writeStringProperty("action", e.action());
            g.writeStringProperty("target", e.target());
            g.writeStringProperty("outcome", e.outcome());
            g.writeStringProperty("detail", e.detail());
            g.writeStringProperty("row_digest", e.rowDigest());
            g.writeStringProperty("prev_hash", e.prevHash());
            g.writeStringProperty("entry_hash", e.entryHash());
            end(g);
            if (e.seq() == 1) {
                identity = e.entryHash();
            }
            lastSeq = e.seq();
            lastHash = e.entryHash();
        }

        void finishData() {
            at(BackupFormat.MANIFEST);
        }

        void manifest(Instant now, String keydeskVersion, Head head) {
            JsonGenerator g = current.json;
            g.writeStartObject();
            g.writeStringProperty("format", BackupFormat.NAME);
            g.writeNumberProperty("format_version", BackupFormat.VERSION);
            g.writeNumberProperty("schema_version", BackupTables.schemaVersion());
            g.writeStringProperty("keydesk_version", keydeskVersion);
            g.writeStringProperty("created_at", text(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
            g.writeStringProperty("site_name", site == null ? null : site.name());
            g.writeStringProperty("site_identity", identity);
            g.writeName("audit_head");
            g.writeStartObject();
            g.writeNumberProperty("seq", head.lastSeq());
            g.writeStringProperty("hash", head.lastHash());
            g.writeEndObject();
            g.writeName("files");
            g.writeStartObject();
            sums.forEach((name, sum) -> {
                g.writeName(name);
                g.writeStartObject();
                g.writeNumberProperty("rows", sum.rows());
                g.writeStringProperty("sha256", sum.sha256());
                g.writeEndObject();
            });
            g.writeEndObject();
            end(g);
        }

        /** The generator of the named entry, closing the entries before it (empty tables too). */
        private JsonGenerator at(String name) {
            int wanted = BackupFormat.ENTRIES.indexOf(name);
            while (entry < wanted) {
                closeEntry();
                entry++;
                current = new Entry(zip, BackupFormat.ENTRIES.get(entry));
            }
            return current.json;
        }

        private void end(JsonGenerator g) {
            g.writeEndObject();
            g.writeRaw('\n');
            current.rows++;
        }

        private void closeEntry() {
            if (current != null) {
                sums.put(current.name, current.close());
                current = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null && current.name.equals(BackupFormat.MANIFEST)) {
                current.close();
                current = null;
            }
            zip.close();
        }
    }

    /** One zip entry: its JSON generator writes through a digest that sees exactly the stored bytes. */
    private static final class Entry {
        final String name;
        final MessageDigest digest = sha256();
        final JsonGenerator json;
        long rows;

        Entry(ZipOutputStream zip, String name) {
            this.name = name;
            try {
                zip.putNextEntry(new ZipEntry(name));
            } catch (IOException e) {
                throw new StoreException(Reason.UNREADABLE, "Could not write the backup: " + e.getMessage(), e);
            }
            OutputStream kept = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    digest.update(b, off, len);
                    out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    digest.update((byte) b);
                    out.write(b);
                }

                @Override
                public void close() throws IOException {
                    flush();   // the zip stays open for the next entry
                }
            };
            this.json = BackupFormat.JSON.createGenerator(ObjectWriteContext.empty(), kept, JsonEncoding.UTF8);
        }

        FileSum close() {
            json.close();
            return new FileSum(rows, HexFormat.of().formatHex(digest.digest()));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void number(JsonGenerator g, String name, Long value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
