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

    static String siteName(String name) {
        return requiredText("site", "site name", name, NAME_MAX);
    }

    static String displayName(String name) {
        return optionalText("displayName", "display name", name, NAME_MAX);
    }

    static String description(String description) {
        String value = description == null ? null : description.replace("\r\n", "\n");
        // A longer note may run over several lines; other control characters stay refused.
        String withoutLineBreaks = value == null ? null : value.replace('\n', ' ').replace('\t', ' ');
        optionalText("description", "description", withoutLineBreaks, DESCRIPTION_MAX);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Letters, digits and . _ @ - ; the same rule everywhere so names are easy to type in scripts. */
    static String username(String username) {
        String value = username == null ? "" : username.strip();
        if (value.isEmpty()) {
            throw new ValidationException("username", "A username is required.");
        }
        if (value.length() > USERNAME_MAX) {
            throw new ValidationException("username", "A username can be at most " + USERNAME_MAX + " characters.");
        }
        if (!value.matches("[A-Za-z0-9._@-]+")) {
            throw new ValidationException("username", "A username may contain only letters, digits and . _ @ - (got \""
                    + Texts.printable(value) + "\").");
        }
        return value;
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
        if (password == null || password.length < PASSWORD_MIN) {
            throw new ValidationException("password", "A password needs at least " + PASSWORD_MIN + " characters.");
        }
        if (password.length > PASSWORD_MAX) {
            throw new ValidationException("password", "A password can be at most " + PASSWORD_MAX + " characters.");
        }
        if (new String(password).isBlank()) {
            throw new ValidationException("password", "A password cannot be only spaces.");
        }
    }

    static Instant expiry(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ValidationException("expires", "The expiry date must be in the future.");
        }
        return expiresAt;
    }

    private static String requiredText(String field, String label, String text, int max) {
        String value = optionalText(field, label, text, max);
        if (value == null) {
            throw new ValidationException(field, "A " + label + " is required.");
        }
        return value;
    }

    /** Trimmed; null when empty; refuses control and bidirectional-override characters. */
    private static String optionalText(String field, String label, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (hasHiddenCharacters(value)) {
            throw new ValidationException(field, "The " + label + " may not contain control characters, invisible"
                    + " characters (such as a zero-width space) or characters that reverse text direction.");
        }
        // Counted in UTF-16 units, as H2's VARCHAR(n) counts them: a character outside the Basic
        // Multilingual Plane (most emoji) counts twice. Counting code points let a valid-looking
        // name fail at the INSERT as "the store could not be used".
        if (value.length() > max) {
            throw new ValidationException(field, "The " + label + " can be at most " + max + " characters.");
        }
        return value;
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
