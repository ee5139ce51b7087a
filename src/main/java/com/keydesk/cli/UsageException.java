package com.keydesk.cli;

import com.keydesk.domain.KeyDeskException;

/** The command line was not used as documented: unknown command, missing or unknown option. */
final class UsageException extends KeyDeskException {
    UsageException(String message) {
        super(message);
    }
}
