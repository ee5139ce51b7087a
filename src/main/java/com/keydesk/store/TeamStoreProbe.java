package com.keydesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the desktop app's "Test connection" and "Open" need to know of a team store before opening
 * it: a KeyDesk store, an empty database (where a store can be made), or a problem in one
 * sentence. Reads the catalogue only; writes nothing.
 */
public final class TeamStoreProbe {
    public enum Found { STORE, EMPTY, PROBLEM }

    /** @param sentence why it cannot be opened as it is (null for {@link Found#STORE}) */
    public record Result(Found found, String sentence) {
    }

    private TeamStoreProbe() {
    }

    public static Result examine(TeamStore store) {
        Optional<String> problem = Database.probe(store);
        if (problem.isEmpty()) {
            return new Result(Found.STORE, null);
        }
        return new Result(isEmpty(store) ? Found.EMPTY : Found.PROBLEM, problem.get());
    }

    /** Asked only after the probe said no: an empty database is the one "no" a person can turn into a store. */
    private static boolean isEmpty(TeamStore store) {
        try (Connection c = TeamDatabase.connect(store)) {
            c.setReadOnly(true);
            return PgCatalog.read(c).kind() == PgCatalog.Kind.EMPTY;
        } catch (SQLException | RuntimeException e) {
            return false;   // the probe's own sentence already says what went wrong
        }
    }
}
