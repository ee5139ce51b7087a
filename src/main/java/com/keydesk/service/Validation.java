package com.keydesk.service;

import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Texts;
import com.keydesk.domain.ValidationException;

import java.time.Instant;

/** Input rules with a sentence a person can act on. Each names the field it is about. */
final class Validation {
    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 1000;
    static final int USERNAME_MAX = 64;
    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 1024;
    /** Ten years: a longer maximum is no maximum; the store refuses 0 and less by itself too. */
    static final int KEY_LIFETIME_MAX_DAYS = 3650;

    private Validation() {
    }

    static String keyName(String name) {
        return requiredText("name", "key name", name, NAME_MAX);
    }

    /** The sentence {@link #keyName} would throw, or null: a form asks this on every keystroke. */
    static String keyNameProblem(String name) {
        return requiredTextProblem("key name", name, NAME_MAX);
    }

    static String siteName(String name) {
        return requiredText("site", "site name", name, NAME_MAX);
    }

    static String siteNameProblem(String name) {
        return requiredTextProblem("site name", name, NAME_MAX);
    }

    static String displayName(String name) {
        return optionalText("displayName", "display name", name, NAME_MAX);
    }

    static String displayNameProblem(String name) {
        return optionalTextProblem("display name", name, NAME_MAX);
    }

    static String description(String description) {
        throwIf("description", descriptionProblem(description));
        if (description == null) {
            return null;
        }
        String value = description.replace("\r\n", "\n");
        return value.isBlank() ? null : value.strip();
    }

    static String descriptionProblem(String description) {
        if (description == null) {
            return null;
        }
        // A longer note may run over several lines; other control characters stay refused.
        String withoutLineBreaks = description.replace("\r\n", "\n").replace('\n', ' ').replace('\t', ' ');
        return optionalTextProblem("description", withoutLineBreaks, DESCRIPTION_MAX);
    }

    /** Letters, digits and . _ @ - ; the same rule everywhere so names are easy to type in scripts. */
    static String username(String username) {
        throwIf("username", usernameProblem(username));
        return username.strip();
    }

    static String usernameProblem(String username) {
        String value = username == null ? "" : username.strip();
        if (value.isEmpty()) {
            return "A username is required.";
        }
        if (value.length() > USERNAME_MAX) {
            return "A username can be at most " + USERNAME_MAX + " characters.";
        }
        if (!value.matches("[A-Za-z0-9._@-]+")) {
            return "A username may contain only letters, digits and . _ @ - (got \"" + Texts.printable(value) + "\").";
        }
        return null;
    }

    /** The site's default permission set for new user keys: any set a working key may have. */
    static PermissionSet defaultPermissionSet(PermissionSet permission) {
        if (permission == null || permission == PermissionSet.NONE) {
            throw new ValidationException("default_permission_set",
                    "The default permission set must be one a working key has; none would make every new key disabled.");
        }
        return permission;
    }

    /** The site's maximum key lifetime for non-administrators: null for none, else 1 to ten years in days. */
    static Integer maxKeyLifetimeDays(Integer days) {
        if (days != null && (days < 1 || days > KEY_LIFETIME_MAX_DAYS)) {
            throw new ValidationException("max_key_lifetime_days", "The maximum key lifetime is a number of days from 1 to "
                    + KEY_LIFETIME_MAX_DAYS + ", or none.");
        }
        return days;
    }

    static void password(char[] password) {
        throwIf("password", passwordProblem(password));
    }

    static String passwordProblem(char[] password) {
        if (password == null || password.length < PASSWORD_MIN) {
            return "A password needs at least " + PASSWORD_MIN + " characters.";
        }
        if (password.length > PASSWORD_MAX) {
            return "A password can be at most " + PASSWORD_MAX + " characters.";
        }
        for (char c : password) {
            if (!Character.isWhitespace(c)) {
                return null;
            }
        }
        return "A password cannot be only spaces.";
    }

    static Instant expiry(Instant expiresAt, Instant now) {
        throwIf("expires", expiryProblem(expiresAt, now));
        return expiresAt;
    }

    static String expiryProblem(Instant expiresAt, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now) ? "The expiry date must be in the future." : null;
    }

    private static void throwIf(String field, String problem) {
        if (problem != null) {
            throw new ValidationException(field, problem);
        }
    }

    private static String requiredText(String field, String label, String text, int max) {
        throwIf(field, requiredTextProblem(label, text, max));
        return text.strip();
    }

    private static String requiredTextProblem(String label, String text, int max) {
        String problem = optionalTextProblem(label, text, max);
        if (problem == null && (text == null || text.isBlank())) {
            return "A " + label + " is required.";
        }
        return problem;
    }

    /** Trimmed; null when empty; refuses control and bidirectional-override characters. */
    private static String optionalText(String field, String label, String text, int max) {
        throwIf(field, optionalTextProblem(label, text, max));
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String optionalTextProblem(String label, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (hasHiddenCharacters(value)) {
            return "The " + label + " may not contain control characters, invisible"
                    + " characters (such as a zero-width space) or characters that reverse text direction.";
        }
        // Counted in UTF-16 units, as H2's VARCHAR(n) counts them: a character outside the Basic
        // Multilingual Plane (most emoji) counts twice. Counting code points let a valid-looking
        // name fail at the INSERT as "the store could not be used".
        if (value.length() > max) {
            return "The " + label + " can be at most " + max + " characters.";
        }
        return null;
    }

    /**
     * Any character {@link Texts#isUnsafe} names, except a joiner between two visible characters
     * (an emoji sequence, a Persian or Indic word): "Backup" and "Back\u200Bup" must not both be names.
     */
    static boolean hasHiddenCharacters(String value) {
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (Texts.isJoiner(cps[i])) {
                if (i == 0 || i == cps.length - 1 || !visible(cps[i - 1]) || !visible(cps[i + 1])) {
                    return true;
                }
            } else if (Texts.isUnsafe(cps[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean visible(int codePoint) {
        return !Texts.isUnsafe(codePoint) && !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint);
    }
}
