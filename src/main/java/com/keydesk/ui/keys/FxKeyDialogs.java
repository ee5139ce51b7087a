package com.keydesk.ui.keys;

import com.keydesk.ui.keys.copy.CopyNowView;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import com.keydesk.ui.keys.create.CreateKeyView;
import com.keydesk.ui.keys.create.CreateKeyViewModel;
import com.keydesk.ui.keys.details.KeyDetailsView;
import com.keydesk.ui.keys.details.KeyDetailsViewModel;
import com.keydesk.ui.keys.inactive.InactiveKeysView;
import com.keydesk.ui.keys.inactive.InactiveKeysViewModel;
import javafx.stage.Window;

import java.util.function.Supplier;

/** The key dialogs as real windows, owned by the main window. */
public final class FxKeyDialogs implements KeyDialogs {
    private final Supplier<Window> owner;

    public FxKeyDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showCreateKey(CreateKeyViewModel vm) {
        CreateKeyView.showAndWait(owner.get(), vm);
    }

    @Override
    public void showCopyNow(CopyNowViewModel vm) {
        CopyNowView.showAndWait(owner.get(), vm);
    }

    @Override
    public void showDetails(KeyDetailsViewModel vm) {
        KeyDetailsView.showAndWait(owner.get(), vm);
    }

    @Override
    public void showInactive(InactiveKeysViewModel vm) {
        InactiveKeysView.showAndWait(owner.get(), vm);
    }
}
