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
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_ECHO).forEach(cp -> out.appendCodePoint(isUnsafe(cp) ? '?' : cp));
        if (text.codePointCount(0, text.length()) > MAX_ECHO) {
            out.append('…');
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
