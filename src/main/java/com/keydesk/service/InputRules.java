package com.keydesk.service;

import java.util.Optional;

/**
 * The service's own input rules, for a form to check as the person types. They need no store
 * and no sign-in; the services apply the same rules again on every call. Each method throws
 * {@link com.keydesk.domain.ValidationException} naming its field, with the sentence to show; each
 * {@code ...Problem} method answers the same rule without throwing (a form asks on every keystroke):
 * the sentence, or empty when the value passes.
 */
public final class InputRules {
    private InputRules() {
    }

    public static Optional<String> siteNameProblem(String siteName) {
        return Optional.ofNullable(Validation.siteNameProblem(siteName));
    }

    public static Optional<String> usernameProblem(String username) {
        return Optional.ofNullable(Validation.usernameProblem(username));
    }

    public static Optional<String> displayNameProblem(String displayName) {
        return Optional.ofNullable(Validation.displayNameProblem(displayName));
    }

    /** The array is only read, never kept or wiped: the caller still owns it. */
    public static Optional<String> passwordProblem(char[] password) {
        return Optional.ofNullable(Validation.passwordProblem(password));
    }

    public static Optional<String> keyNameProblem(String name) {
        return Optional.ofNullable(Validation.keyNameProblem(name));
    }

    public static Optional<String> descriptionProblem(String description) {
        return Optional.ofNullable(Validation.descriptionProblem(description));
    }

    public static Optional<String> expiryProblem(java.time.Instant expiresAt, java.time.Instant now) {
        return Optional.ofNullable(Validation.expiryProblem(expiresAt, now));
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
