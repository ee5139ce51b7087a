package com.keydesk.store;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.domain.ValidationException;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backups with H2's online BACKUP (consistent while the store is open; copying the files of an
 * open store is not) and restore from such a file. A backup holds hashes, never a secret.
 */
public final class Backups {
    private static final String ENTRY = StoreLocation.FILE_BASE_NAME + ".mv.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** Writes a consistent zip of the open store; readable only by its owner. */
    public static void backup(DSLContext tx, Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new ValidationException("file", "The backup target " + file + " is a folder; give a file name.");
        }
        if (Files.exists(file)) {
            throw new ValidationException("file", "The backup file " + file + " already exists; choose a new name.");
        }
        // The path is a string literal inside SQL: quotes are doubled so a file name cannot add SQL.
        tx.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        restrictToOwner(file);
    }

    /** Checks that a file is a KeyDesk backup: a zip holding exactly a store file. */
    public static void requireBackupFile(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new ValidationException("file", "There is no backup file at " + zip + ".");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !entry.getName().equals(ENTRY)) {
                throw new ValidationException("file", zip + " is not a KeyDesk backup (it holds no " + ENTRY + ").");
            }
        } catch (IOException e) {
            throw new ValidationException("file", zip + " is not a KeyDesk backup (not a readable zip file).");
        }
    }

    /**
     * Replaces the store in {@code folder} (which must be closed) with the one in the backup. The
     * current store file is kept beside it as {@code keydesk.mv.db.before-restore-<time>}; the
     * restored store is opened once (migrations run, a newer store is refused) before this returns.
     * On any failure the current store is put back.
     */
    public static Path restore(Path folder, Path zip, Instant now) {
        requireBackupFile(zip);
        Path staged = folder.resolve(ENTRY + ".restoring");
        Path current = Database.dataFile(folder);
        Path keptAside = folder.resolve(ENTRY + ".before-restore-" + STAMP.format(now));
        try {
            Files.createDirectories(folder);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                in.getNextEntry();
                copy(in, staged);
            }
            restrictToOwner(staged);
            boolean hadStore = Files.exists(current);
            if (hadStore) {
                Files.move(current, keptAside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged, current, StandardCopyOption.ATOMIC_MOVE);
            try (Database check = Database.open(folder)) {
                return hadStore ? keptAside : null;
            } catch (RuntimeException e) {
                Files.delete(current);
                if (hadStore) {
                    Files.move(keptAside, current, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Could not restore into " + folder + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // a leftover staging file holds only hashes and is replaced by the next restore
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void restrictToOwner(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Cannot restrict " + file + " to its owner: " + e.getMessage(), e);
        }
    }
}
