package com.keydesk.ui.settings;

import com.keydesk.service.Session;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Replaces the open store with a backup: authorize with the session, close the store, restore,
 * reopen, record who restored it, then back to sign-in. Only the composition root can do this,
 * since it owns the open store; the settings screen asks it through this interface.
 */
public interface StoreRestorer {

    /**
     * Starts the restore in the background; on failure {@code onFailure} runs on the UI thread. A
     * backup of another site fails with {@link com.keydesk.domain.ConfirmationNeededException}
     * unless {@code otherSiteConfirmed}.
     */
    void restore(Session session, Path backup, boolean otherSiteConfirmed, Consumer<Throwable> onFailure);

    /** Where the store is (its folder, or a team store's address), named in the confirmation. */
    String storeLocation();

    /** Why this store cannot be restored over (a team store others work on), or null when it can. */
    default String whyNoRestore() {
        return null;
    }
}
