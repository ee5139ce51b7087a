package com.keydesk.domain;

/** Helpers for quoting what a person typed back to them without echoing control characters. */
public final class Texts {
    private static final int MAX_ECHO = 40;

    private Texts() {
    }

    /** A short, single-line, printable rendering of untrusted input for an error message. */
    public static String printable(String text) {
        return printable(text, MAX_ECHO);
    }

    /** As {@link #printable(String)}, cut to at most {@code max} UTF-16 units. */
    public static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        // At most max UTF-16 units (the unit H2's VARCHAR counts: this text is also stored in
        // the audit log), never splitting a surrogate pair.
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (out.length() + Character.charCount(cp) > max) {
                return out.append('…').toString();
            }
            out.appendCodePoint(isUnsafe(cp) ? '?' : cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Control characters, line and paragraph separators, and every invisible format character
     * (Unicode category Cf: zero-width space, word joiner, byte order mark, soft hyphen, tag
     * characters U+E0000..E007F, and the bidirectional controls that make text read differently
     * than it is). Names that differ only in these look the same to a person.
     */
    public static boolean isUnsafe(int codePoint) {
        return Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C
                || Character.getType(codePoint) == Character.LINE_SEPARATOR
                || Character.getType(codePoint) == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Zero-width non-joiner and joiner: format characters that some scripts (Persian, the Indic
     * scripts) and emoji sequences need between two visible characters, and nowhere else.
     */
    public static boolean isJoiner(int codePoint) {
        return codePoint == 0x200C || codePoint == 0x200D;
    }

    /**
     * "no keys", "1 key" or "3 keys" followed by the verb that agrees with it ("works again" /
     * "work again"): the service's and command line's English sentences, never "key(s)".
     */
    public static String keys(long count, String verbOne, String verbMany) {
        if (count == 0) {
            return "no keys " + verbMany;
        }
        return count == 1 ? "1 key " + verbOne : count + " keys " + verbMany;
    }
}
