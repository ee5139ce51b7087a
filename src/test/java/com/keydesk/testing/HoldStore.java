package com.keydesk.testing;

import com.keydesk.store.Database;

import java.nio.file.Path;

/** A second process for tests: opens a store, says "open", and keeps it open until stdin closes. */
public final class HoldStore {
    private HoldStore() {
    }

    public static void main(String[] args) throws Exception {
        com.keydesk.app.QuietLogging.install();
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
