package com.keydesk.store;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The store's folder and file belong to one person. New ones get owner-only modes as they are
 * made (never a chmod afterwards, which leaves a moment in which others could open them). An
 * existing folder is never changed: one that others can read, write or enter, or that belongs to
 * someone else, is refused with the command that fixes it. Besides keeping the hashes private,
 * that is what makes the check on open ({@link StoreCheck}) hold until H2 opens the file: nobody
 * else can put another file in its place in between. On a file system without POSIX modes
 * (Windows) the per-user profile folder protects the store instead, and these checks do nothing.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** Makes a missing store folder owner-only from its creation; refuses an existing one others can use. */
    static void prepareFolder(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path parent = folder.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createDirectory(folder, folderAttributes(parent));
                return;
            } catch (FileAlreadyExistsException raced) {
                // made by someone else in the meantime: judged below like any existing folder
            } catch (IOException e) {
                throw new StoreException(Reason.UNREADABLE, "Cannot create the store folder " + folder + ": "
                        + e.getMessage(), e);
            }
        }
        requirePrivateFolder(folder);
    }

    /**
     * Refuses a store folder that is not a folder of this user's that only they can use. A link to
     * a folder is judged by the folder it leads to (a data folder moved elsewhere and linked back).
     */
    static void requirePrivateFolder(Path given) {
        if (!Files.isDirectory(given)) {
            throw new StoreException(Reason.UNREADABLE, "The store folder " + given + " is not a folder.");
        }
        Path folder;
        try {
            folder = given.toRealPath();
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Cannot read the store folder " + given + ": " + e.getMessage(), e);
        }
        PosixFileAttributes attributes = posix(folder);
        if (attributes == null) {
            return;
        }
        UserPrincipal me = currentUser(folder);
        if (me != null && !me.equals(attributes.owner())) {
            throw new StoreException(Reason.UNREADABLE, "The store folder " + given + " belongs to "
                    + attributes.owner().getName() + ", not to you; KeyDesk opens only a store in a folder you own.");
        }
        Set<PosixFilePermission> loose = EnumSet.copyOf(attributes.permissions());
        loose.retainAll(OTHERS);
        if (!loose.isEmpty()) {
            throw new StoreException(Reason.UNREADABLE, "Other users can " + (writable(loose) ? "change" : "read")
                    + " the store folder " + given + " (" + PosixFilePermissions.toString(attributes.permissions())
                    + "); run 'chmod 700 " + folder + "' and try again.");
        }
    }

    /** Creates the empty store file, readable only by its owner from its first byte; H2 then writes into it. */
    static void createFile(Path file) {
        try {
            Files.createFile(file, fileAttributes(file.getParent()));
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Cannot create the store file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores made before this check had 0644 files (inside a 0700 folder); once a store has passed
     * the check on open its file is narrowed to match a new one. A file that is not a plain file of
     * this user's is refused instead: a link could lead H2 to a file someone else can change.
     */
    static void requirePrivateFile(Path file) {
        PosixFileAttributes attributes = posix(file);
        if (attributes == null) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new StoreException(Reason.UNREADABLE, "The store file " + file + " is not a plain file (a link or"
                    + " a device); KeyDesk opens only a store file itself.");
        }
        UserPrincipal me = currentUser(file.getParent());
        if (me != null && !me.equals(attributes.owner())) {
            throw new StoreException(Reason.UNREADABLE, "The store file " + file + " belongs to "
                    + attributes.owner().getName() + ", not to you; KeyDesk opens only a store file you own.");
        }
    }

    /** Narrows a store file older KeyDesk versions left readable to others (always inside an owner-only folder). */
    static void narrowFile(Path file) {
        PosixFileAttributes attributes = posix(file);
        if (attributes == null || attributes.permissions().equals(FILE)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Cannot restrict the store file " + file + " to its owner: "
                    + e.getMessage(), e);
        }
    }

    private static boolean writable(Set<PosixFilePermission> loose) {
        return loose.contains(PosixFilePermission.GROUP_WRITE) || loose.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static PosixFileAttributes posix(Path path) {
        try {
            if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
                return null;
            }
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new StoreException(Reason.UNREADABLE, "Cannot read the permissions of " + path + ": " + e.getMessage(), e);
        }
    }

    /** The user this process runs as; null where the system cannot say (then ownership is not judged). */
    private static UserPrincipal currentUser(Path near) {
        try {
            return near.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static FileAttribute<?>[] folderAttributes(Path near) throws IOException {
        return supportsPosix(near) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] fileAttributes(Path near) throws IOException {
        return supportsPosix(near) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path near) throws IOException {
        return near != null && Files.getFileStore(near).supportsFileAttributeView("posix");
    }
}
