package com.keydesk.service;

import com.keydesk.domain.ConfirmationNeededException;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.AuditRepository.Head;
import com.keydesk.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Restoring a backup, the one procedure the desktop app and the command line share. The backup is
 * read by KeyDesk's own reader into a fresh store made by KeyDesk's migrations in a staging
 * folder beside the current store, which stays open and untouched meanwhile; only a backup that
 * passed every check is swapped in, the current store file kept beside it as
 * {@code keydesk.mv.db.before-restore-<time>}. Nothing of the staging is left behind, whatever
 * happens.
 */
public final class StoreRestore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String STAGING_PREFIX = ".restore-";
    private final Path folder;
    private final Clock clock;
    private final BackupFormat.Limits limits;
    private final Mover mover;

    /** Moves a file atomically; tests make it fail to prove what a failed swap leaves. */
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    /** What was restored and where the replaced store went (null when there was none). */
    public record Outcome(Path keptAside, String siteName, Instant backupMadeAt) {
    }

    public StoreRestore(Path folder, Clock clock) {
        this(folder, clock, BackupFormat.Limits.STANDARD);
    }

    StoreRestore(Path folder, Clock clock, BackupFormat.Limits limits) {
        this(folder, clock, limits, (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE));
    }

    StoreRestore(Path folder, Clock clock, BackupFormat.Limits limits, Mover mover) {
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = clock;
        this.limits = limits;
        this.mover = mover;
    }

    /** A quick check before asking for confirmation: a zip, and not the old format. Reads no rows. */
    public static void checkFile(Path zip) {
        BackupReader.peek(zip.toAbsolutePath().normalize());
    }

    /**
     * Replaces the open store with the backup. The actor must be an administrator of it. A backup
     * of another site needs {@code otherSiteConfirmed}; without it this throws
     * {@link ConfirmationNeededException} and changes nothing. {@code closeCurrent} closes the open
     * store just before the swap; after a failure the caller reopens it (it is where it was).
     */
    public Outcome restore(Services current, Session session, Path zip, boolean otherSiteConfirmed,
                           Runnable closeCurrent) {
        Path file = zip.toAbsolutePath().normalize();
        BackupService.CurrentSite here = current.backups().siteToReplace(session);
        BackupReader.peek(file);
        removeLeftoverStaging();
        Staged staged = stage(file, session.username());
        try {
            BackupReader.Manifest backup = staged.backup();
            if (!backup.siteIdentity().equals(here.identity()) && !otherSiteConfirmed) {
                throw new ConfirmationNeededException("This backup is of another site, \"" + backup.siteName()
                        + "\", not of the site in this store, \"" + here.name() + "\": restoring it replaces this"
                        + " site's users, keys and history with that site's.");
            }
            current.backups().recordRestoreStarted(session, file);
            closeCurrent.run();
            return swap(staged);
        } finally {
            deleteTree(staged.folder());
        }
    }

    /** Restores into a folder that holds no store (the command line's {@code restore} on a new machine). */
    public Outcome restoreWithoutStore(Path zip) {
        Path file = zip.toAbsolutePath().normalize();
        if (Database.exists(folder)) {
            throw new ConflictException("There is a store in " + folder + "; sign in to replace it.");
        }
        BackupReader.peek(file);
        boolean madeFolder = !Files.exists(folder);
        try {
            if (madeFolder) {
                createOwnerOnly(folder);
            }
            Staged staged = stage(file, "(no store)");
            try {
                return swap(staged);
            } finally {
                deleteTree(staged.folder());
            }
        } catch (RuntimeException e) {
            if (madeFolder && !Database.exists(folder)) {
                deleteTree(folder);
            }
            throw e;
        }
    }

    /** A staging folder holding the restored store, and what the backup said of itself. */
    private record Staged(Path folder, BackupReader.Manifest backup) {
    }

    /** Reads the whole backup into a fresh store in a staging folder and records the restore there. */
    private Staged stage(Path file, String actor) {
        Path staging = folder.resolve(STAGING_PREFIX + UUID.randomUUID());
        Database db = null;
        try {
            db = Database.create(staging);
            StagingStore rows = new StagingStore(db);
            BackupReader.Manifest manifest = BackupReader.read(file, limits, rows);
            rows.finish(new Head(manifest.headSeq(), manifest.headHash()));
            AuditLog log = new AuditLog(db, clock);
            requireBoundRows(db, log, file);
            log.appendAlone(actor, "store.restored", "store", OUTCOME_OK, "file=" + file);
            db.close();
            db = null;
            return new Staged(staging, manifest);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            deleteTree(staging);
            throw e;
        }
    }

    /**
     * Every key, user and the site of the restored store must match the audit chain's last word on
     * them (see RowBinding): a row edited in the backup's text, whose own checks it passed, is
     * caught here and the backup refused, before anything is swapped in.
     */
    static void requireBoundRows(Database db, AuditLog log, Path file) {
        AuditVerification check = db.inTransaction(cfg -> log.verify(cfg.dsl()));
        if (!check.intact()) {
            String why = check.message().replace(" Run 'keydesk audit verify' after restoring a backup.", "");
            throw new ValidationException("file", "The backup " + file + " was refused: " + why + " Nothing was changed.");
        }
    }

    /** The current store file goes aside, the staged one takes its name; on failure the current one is put back. */
    private Outcome swap(Staged staged) {
        BackupReader.Manifest backup = staged.backup();
        Path current = Database.dataFile(folder);
        boolean hadStore = Files.exists(current);
        Path keptAside = hadStore ? asideName(current) : null;
        if (hadStore) {
            try {
                mover.move(current, keptAside);
            } catch (IOException e) {
                throw new StoreException(Reason.UNREADABLE, "Could not set the current store aside (" + e.getMessage()
                        + "); nothing was changed.", e);
            }
        }
        try {
            mover.move(Database.dataFile(staged.folder()), current);
        } catch (IOException e) {
            if (!hadStore) {
                throw new StoreException(Reason.UNREADABLE, "Could not put the restored store in place ("
                        + e.getMessage() + "); nothing was changed.", e);
            }
            try {
                mover.move(keptAside, current);
            } catch (IOException putBack) {
                throw new StoreException(Reason.UNREADABLE, "Could not put the restored store in place ("
                        + e.getMessage() + "), nor the previous store back: it is kept as " + keptAside
                        + "; rename it to " + current.getFileName() + " to use it again.", e);
            }
            throw new StoreException(Reason.UNREADABLE, "Could not put the restored store in place ("
                    + e.getMessage() + "); the previous store was put back and is in use again.", e);
        }
        return new Outcome(keptAside, backup.siteName(), backup.createdAt());
    }

    /** keydesk.mv.db.before-restore-<time>, never the name of a file already there. */
    private Path asideName(Path current) {
        String base = current.getFileName() + ".before-restore-" + STAMP.format(clock.instant());
        Path aside = folder.resolve(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = folder.resolve(base + "-" + n);
        }
        return aside;
    }

    private static void createOwnerOnly(Path dir) {
        try {
            Path parent = dir.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.getFileStore(parent == null ? dir.getRoot() : parent).supportsFileAttributeView("posix")) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Cannot create the store folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A restore killed half-way leaves its staging folder behind. While the store is open no other
     * KeyDesk process can be restoring into this folder, so any such folder is a leftover.
     */
    private void removeLeftoverStaging() {
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX) && Files.isDirectory(p))
                    .forEach(StoreRestore::deleteTree);
        } catch (IOException e) {
            // only hashes, in the owner-only store folder; a later restore tries again
        }
    }

    /** Removes a folder this procedure made, with what H2 put in it. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // holds only hashes, in the owner-only store folder; the next restore makes a new name
        }
    }
}
