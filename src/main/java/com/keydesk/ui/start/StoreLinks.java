package com.keydesk.ui.start;

import java.util.function.BooleanSupplier;

/**
 * The start screens' links to another store: "Open team store…" always, "Use this computer's
 * store" while a team store is open. Nothing is followed while the screen is busy (signing in,
 * creating the store).
 */
public final class StoreLinks {
    private final BooleanSupplier busy;
    private Runnable teamStore;
    private Runnable localStore;

    StoreLinks(BooleanSupplier busy) {
        this.busy = busy;
    }

    /** Offers "Open team store…"; {@code open} shows the team store dialog. */
    public void offerTeamStore(Runnable open) {
        this.teamStore = open;
    }

    /** Offers "Use this computer's store" too (while a team store is open). */
    public void offerLocalStore(Runnable open) {
        this.localStore = open;
    }

    public boolean localStoreOffered() {
        return localStore != null;
    }

    public void openLocalStore() {
        if (localStore != null && !busy.getAsBoolean()) {
            localStore.run();
        }
    }

    public boolean teamStoreOffered() {
        return teamStore != null;
    }

    public void openTeamStore() {
        if (teamStore != null && !busy.getAsBoolean()) {
            teamStore.run();
        }
    }
}
