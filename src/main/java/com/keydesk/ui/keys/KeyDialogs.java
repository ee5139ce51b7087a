package com.keydesk.ui.keys;

import com.keydesk.ui.keys.copy.CopyNowViewModel;
import com.keydesk.ui.keys.create.CreateKeyViewModel;
import com.keydesk.ui.keys.details.KeyDetailsViewModel;
import com.keydesk.ui.keys.inactive.InactiveKeysViewModel;

/** The key dialogs, each modal: returns when the dialog has closed. Tests answer them without a window. */
public interface KeyDialogs {
    void showCreateKey(CreateKeyViewModel vm);

    void showCopyNow(CopyNowViewModel vm);

    void showDetails(KeyDetailsViewModel vm);

    /** The revoked and expired keys; read-only. */
    void showInactive(InactiveKeysViewModel vm);
}
