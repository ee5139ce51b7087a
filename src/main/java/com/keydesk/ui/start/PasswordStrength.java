package com.keydesk.ui.start;

import com.keydesk.ui.Messages;

/**
 * A hint while typing a new password. Only a hint: the service decides what it accepts
 * (its minimum length is the first step here so the hint never promises what it refuses).
 */
public final class PasswordStrength {
    static final int SERVICE_MINIMUM = 12;

    private PasswordStrength() {
    }

    public static String hint(String password) {
        if (password == null || password.isEmpty()) {
            return Messages.format("strength.empty", SERVICE_MINIMUM);
        }
        int length = password.codePointCount(0, password.length());
        long kinds = password.chars().map(c -> Character.isUpperCase(c) ? 1 : Character.isLowerCase(c) ? 2
                : Character.isDigit(c) ? 3 : 4).distinct().count();
        if (length < SERVICE_MINIMUM) {
            return Messages.format("strength.short", SERVICE_MINIMUM - length);
        }
        if (length >= 20 || (length >= 16 && kinds >= 3)) {
            return Messages.get("strength.strong");
        }
        return Messages.get("strength.fair");
    }
}
