package com.keydesk.service;

import com.keydesk.domain.Texts;

/** Free text from outside (a file path, a reason) made fit for an audit entry: one printable line, bounded. */
final class AuditText {
    private static final int MAX_REASON = 500;

    private AuditText() {
    }

    static String reason(String text) {
        return Texts.printable(text, MAX_REASON);
    }
}
