package com.keydesk.store;

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

    /** One reading of the catalogue (see TeamDatabase#examine); writes nothing. */
    public static Result examine(TeamStore store) {
        return TeamDatabase.examine(store);
    }
}
