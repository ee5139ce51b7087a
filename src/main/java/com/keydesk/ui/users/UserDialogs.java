package com.keydesk.ui.users;

/** The user dialogs, modal: each returns when it has closed. Tests answer them without a window. */
public interface UserDialogs {
    void showAddUser(AddUserViewModel vm);

    /** A temporary password typed twice for this user, or null if the person cancelled. */
    default char[] askTemporaryPassword(String username) {
        return null;
    }

    /** The new display name for this user (empty to remove it), or null if the person cancelled. */
    default String askDisplayName(String username, String current) {
        return null;
    }
}
