package com.keydesk.store;

/** A name read from a store file, made safe to put in a sentence on a terminal. */
final class Names {
    private static final int LONGEST = 80;

    private Names() {
    }

    /** Keeps letters, digits and {@code _ . $ -}; anything else (escape sequences, line breaks, quotes) becomes '?'. */
    static String printable(String name) {
        StringBuilder kept = new StringBuilder();
        name.codePoints().limit(LONGEST).forEach(c -> kept.appendCodePoint(
                c < 128 && (Character.isLetterOrDigit(c) || "_.$-".indexOf(c) >= 0) ? c : '?'));
        return name.codePointCount(0, name.length()) > LONGEST ? kept + "…" : kept.toString();
    }
}
