package com.keydesk.ui.users;

/** The add-user dialog, modal: returns when it has closed. Tests answer it without a window. */
public interface UserDialogs {
    void showAddUser(AddUserViewModel vm);
}
