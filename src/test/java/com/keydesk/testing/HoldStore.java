package com.keydesk.testing;

import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;

import java.nio.file.Path;

/**
 * A second process for tests: opens a store (a folder, or a team store's postgresql:// address),
 * says "open", and keeps it open until stdin closes.
 */
public final class HoldStore {
    private HoldStore() {
    }

    public static void main(String[] args) throws Exception {
        com.keydesk.app.QuietLogging.install();
        StoreAddress address = PgAddress.looksLikeUrl(args[0])
                ? new TeamStore(PgAddress.parse(args[0], "postgres"), null) : new StoreAddress.Local(Path.of(args[0]));
        try (Database db = Database.open(address)) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
