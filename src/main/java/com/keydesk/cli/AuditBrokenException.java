package com.keydesk.cli;

import com.keydesk.domain.KeyDeskException;

/** 'audit verify' found the chain broken: its own exit code, so a scheduled check can alert. */
final class AuditBrokenException extends KeyDeskException {
    AuditBrokenException(String message) {
        super(message);
    }
}
