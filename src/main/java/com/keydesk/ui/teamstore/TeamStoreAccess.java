package com.keydesk.ui.teamstore;

/**
 * What the team store dialog asks of the store layer, through the composition root. Slow (it
 * connects): always called off the JavaFX thread.
 */
public interface TeamStoreAccess {

    /** What a connection attempt found. */
    enum Found {
        /** A KeyDesk store this program can open. */
        STORE,
        /** An empty database: a store can be made there. */
        EMPTY,
        /** Anything else: unreachable, wrong password, TLS refused, not a KeyDesk store, a newer one. */
        PROBLEM
    }

    /** @param sentence one sentence a person can act on (for {@link Found#STORE}, none is needed) */
    record Probe(Found found, String sentence) {
    }

    /** Connects once and says what is there. {@code password} may be null (then the usual sources are asked). */
    Probe probe(TeamStoreAddress address, char[] password);
}
