package com.keydesk.service;

/**
 * The service's own input rules, for a form to check as the person types. They need no store
 * and no sign-in; the services apply the same rules again on every call. Each method throws
 * {@link com.keydesk.domain.ValidationException} naming its field, with the sentence to show.
 */
public final class InputRules {
    private InputRules() {
    }

    /** The site's name: required, at most as long as the store keeps. */
    public static void checkSiteName(String siteName) {
        Validation.siteName(siteName);
    }

    /** A key's expiry: none, or after {@code now}. */
    public static void checkExpiry(java.time.Instant expiresAt, java.time.Instant now) {
        Validation.expiry(expiresAt, now);
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

    /**
     * A key's name: required, at most 100 UTF-16 units, no control, invisible (Unicode Cf) or
     * direction-reversing characters; a joiner only between two visible characters.
     */
    public static void checkKeyName(String name) {
        Validation.keyName(name);
    }

    /** A key's description: optional; line breaks allowed, other control and invisible characters not. */
    public static void checkDescription(String description) {
        Validation.description(description);
    }
}
