package com.keydesk.service;

import com.keydesk.domain.Texts;

/** Free text from outside (a file path, a reason) made fit for an audit entry: one printable line, bounded. */
final class AuditText {
    private static final int MAX_REASON = 500;

    private AuditText() {
    }

    static String reason(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (out.length() + Character.charCount(cp) > MAX_REASON) {
                return out.append('…').toString();
            }
            out.appendCodePoint(Texts.isUnsafe(cp) ? '?' : cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
