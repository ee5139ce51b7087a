package com.keydesk.ui.main;

import com.keydesk.service.Session;

/**
 * The store this window works on, as the window may speak of it, and the ways to leave it for a
 * team store. Only the composition root knows how stores are opened; it implements this.
 */
public interface OpenStore {
    /** Where the store is, for the title and status bar: a folder, or a team store's address without password. */
    String display();

    /** True for a team store (PostgreSQL), false for this machine's own store file. */
    boolean isTeamStore();

    /** "Open team store…": asks for a team store and, if one is chosen, switches the app to its sign-in. */
    void openTeamStore();

    /** Back to this computer's own store (offered while a team store is open). */
    void openLocalStore();

    /** "Move this store to a team store…": asks where, copies this store there and switches to it. */
    void moveToTeamStore(Session session);
}
