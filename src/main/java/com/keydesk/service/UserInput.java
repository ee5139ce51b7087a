package com.keydesk.service;

/**
 * The service's own input rules for a new user, for a form to check as the person types. They
 * need no store and no sign-in; {@link UserService#add} applies the same rules again on every call.
 * Each method throws {@link com.keydesk.domain.ValidationException} naming its field.
 */
public final class UserInput {
    private UserInput() {
    }

    public static void checkUsername(String username) {
        Validation.username(username);
    }

    public static void checkDisplayName(String displayName) {
        Validation.displayName(displayName);
    }

    /** The array is only read, never kept or wiped: the caller still owns it. */
    public static void checkPassword(char[] password) {
        Validation.password(password);
    }
}
