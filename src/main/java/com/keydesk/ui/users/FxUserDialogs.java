package com.keydesk.ui.users;

import javafx.stage.Window;

import java.util.function.Supplier;

/** The user dialogs as real windows, owned by the main window. */
public final class FxUserDialogs implements UserDialogs {
    private final Supplier<Window> owner;

    public FxUserDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showAddUser(AddUserViewModel vm) {
        AddUserView.showAndWait(owner.get(), vm);
    }

    @Override
    public char[] askTemporaryPassword(String username) {
        return UserForms.askTemporaryPassword(owner.get(), username);
    }

    @Override
    public String askDisplayName(String username, String current) {
        return UserForms.askDisplayName(owner.get(), username, current);
    }
}
