package com.keydesk.app;

import com.keydesk.service.Services;
import com.keydesk.service.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * "Move this store to a team store…": a backup of the open local store (KeyDesk's portable format:
 * hashes, never a secret) into a folder only this user may enter, restored into the team store,
 * then deleted whatever happened. The backup service checks that the actor is an administrator.
 */
final class StoreMove {
    /** Restores a backup file into the (empty) team store. */
    interface Restorer {
        void restore(Path backup);
    }

    private StoreMove() {
    }

    /** Blocking and slow: runs off the JavaFX thread. */
    static void move(Services local, Session session, Restorer intoTeamStore) {
        Path folder;
        try {
            folder = Files.createTempDirectory("keydesk-move-", ownerOnly());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a private temporary folder for the move: " + e.getMessage(), e);
        }
        Path backup = folder.resolve("store.keydesk-backup.zip");
        try {
            local.backups().backup(session, backup);
            intoTeamStore.restore(backup);
        } finally {
            try {
                Files.deleteIfExists(backup);
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // the folder is the user's alone; the next start's temporary-file cleanup removes it
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }
}
