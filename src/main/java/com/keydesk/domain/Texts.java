package com.keydesk.domain;

/** Helpers for quoting what a person typed back to them without echoing control characters. */
public final class Texts {
    private static final int MAX_ECHO = 40;

    private Texts() {
    }

    /** A short, single-line, printable rendering of untrusted input for an error message. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        // At most MAX_ECHO UTF-16 units (the unit H2's VARCHAR counts: this text is also stored in
        // the audit log), never splitting a surrogate pair.
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (out.length() + Character.charCount(cp) > MAX_ECHO) {
                return out.append('…').toString();
            }
            out.appendCodePoint(isUnsafe(cp) ? '?' : cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Control characters and the bidirectional controls that can make text read differently than it is. */
    public static boolean isUnsafe(int codePoint) {
        return Character.isISOControl(codePoint)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C
                || Character.getType(codePoint) == Character.LINE_SEPARATOR
                || Character.getType(codePoint) == Character.PARAGRAPH_SEPARATOR;
    }
}
