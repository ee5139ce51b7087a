package com.keydesk.service;

import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.store.Database;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Proof that the person at the keyboard is the operating-system account that owns a local store:
 * the one way in without a KeyDesk password (unlocking a sign-in wait when the last administrator
 * is held back). That account can already read and change the store file with any database tool,
 * so this grants nothing it did not have; anyone else is refused. The check reads owners from the
 * file system: the store file and its folder, neither a symbolic link, must belong to the account
 * this process runs as, which is learnt from a file the process creates (not from a setting or an
 * environment variable). Root is not the owner of someone else's store.
 */
final class StoreOwner {
    /** Marks an audit actor as an operating-system account: a KeyDesk username cannot contain ':'. */
    static final String ACTOR_PREFIX = "os:";

    private StoreOwner() {
    }

    /** The owning account's name, or a refusal saying who may do this. */
    static String confirm(Path folder) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
            throw new PermissionDeniedException("Unlocking as the store's owner works only on Linux and macOS;"
                    + " wait until the sign-in wait ends instead.");
        }
        try {
            Path file = Database.dataFile(folder);   // a store that is no local file (a server's) is refused
            int me = ownUid();
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(folder)
                    || uid(file) != me || uid(folder) != me) {
                String owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
                throw new PermissionDeniedException("Only the operating-system account that owns the store ("
                        + owner + ") may unlock without signing in; run the command as that account.");
            }
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException e) {
            throw new PermissionDeniedException("Could not tell who owns the store in " + folder
                    + ", so it cannot be unlocked without signing in.");
        }
    }

    /** The account this process runs as: the owner of a file it has just created (a fresh random name, 0600). */
    private static int ownUid() throws IOException {
        Path probe = Files.createTempFile("keydesk-owner-", ".probe");
        try {
            return uid(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /** For the record of a refusal: the name the runtime reports, never trusted for the decision. */
    static String claimedAccount() {
        return System.getProperty("user.name", "?");
    }
}
