package com.keydesk.ui;

import com.keydesk.ui.keys.KeyDialogs;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import com.keydesk.ui.keys.create.CreateKeyViewModel;
import com.keydesk.ui.keys.details.KeyDetailsViewModel;
import com.keydesk.ui.keys.inactive.InactiveKeysViewModel;

import java.util.function.Consumer;

/** Plays the person in front of the key dialogs: each step is a lambda the test sets. */
public final class FakeKeyDialogs implements KeyDialogs {
    public Consumer<CreateKeyViewModel> onCreate = vm -> { };
    public Consumer<CopyNowViewModel> onCopyNow = vm -> {
        vm.acknowledgedProperty().set(true);
        vm.done();
    };
    public Consumer<KeyDetailsViewModel> onDetails = vm -> { };
    public int copyNowShown;
    public String lastCopyNowKeyName;

    @Override
    public void showCreateKey(CreateKeyViewModel vm) {
        onCreate.accept(vm);
    }

    @Override
    public void showCopyNow(CopyNowViewModel vm) {
        copyNowShown++;
        lastCopyNowKeyName = vm.keyName();
        onCopyNow.accept(vm);
    }

    @Override
    public void showDetails(KeyDetailsViewModel vm) {
        onDetails.accept(vm);
    }

    /** The inactive keys window: loads them as the real one does, and keeps the last one shown. */
    public InactiveKeysViewModel lastInactive;

    @Override
    public void showInactive(InactiveKeysViewModel vm) {
        vm.load();
        lastInactive = vm;
    }
}
