package com.keydesk.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link DatabaseTest}: opens the store given as the only argument, says
 * "OPEN" on stdout, and keeps it open until its stdin closes, like a second copy of the app would.
 */
public final class HoldStore {
    private HoldStore() {
    }

    public static void main(String[] args) throws IOException {
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println("OPEN");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
