package com.keydesk.service;

import com.keydesk.store.Database;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.StoreLocation;
import com.keydesk.store.TeamStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Creating a store, the one procedure the desktop app's first-run setup and {@code keydesk init}
 * share: the input is checked before anything touches the disk, the store is made by KeyDesk's
 * migrations, the site and its first administrator are written with the audit log's start, and
 * if any step fails nothing of the new store is left behind.
 */
public final class StoreCreation {
    private StoreCreation() {
    }

    /** The new store, open, its services, and the first administrator's session. */
    public record Created(Database db, Services services, Session session) {
    }

    /** {@code wiring} makes the services over the new store (the shipped program's Argon2 parameters or a test's). */
    public static Created create(Path folder, String siteName, String adminUsername, char[] password,
                                 Function<Database, Services> wiring) {
        return create(new StoreAddress.Local(folder), siteName, adminUsername, password, wiring);
    }

    /** As above, in a local folder or an empty team store database. */
    public static Created create(StoreAddress address, String siteName, String adminUsername, char[] password,
                                 Function<Database, Services> wiring) {
        return create(address, siteName, adminUsername, null, password, wiring);
    }

    /** As above, with the first administrator's display name (null for none), as the desktop app's setup asks it. */
    public static Created create(StoreAddress address, String siteName, String adminUsername, String displayName,
                                 char[] password, Function<Database, Services> wiring) {
        try {
            Setup.checkInput(siteName, adminUsername, displayName, password);
            boolean folderExisted = address instanceof StoreAddress.Local local && Files.exists(local.folder());
            Database db = Database.create(address);
            try {
                Services services = wiring.apply(db);
                Session session = services.setup().initialise(siteName, adminUsername, displayName, password);
                return new Created(db, services, session);
            } catch (RuntimeException e) {
                db.close();
                switch (address) {
                    case StoreAddress.Local local -> discard(local.folder(), folderExisted, e);
                    case TeamStore team -> discardTeamStore(team, e);
                }
                throw e;
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The database was empty before: what the migrations made there goes again. */
    private static void discardTeamStore(TeamStore team, RuntimeException failure) {
        try {
            Database.discardUnfinished(team);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Removes a store that could not be finished; a folder that existed before stays. */
    private static void discard(Path folder, boolean folderExisted, RuntimeException failure) {
        try {
            for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                Files.deleteIfExists(folder.resolve(StoreLocation.FILE_BASE_NAME + suffix));
            }
            if (!folderExisted) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
