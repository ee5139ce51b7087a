package com.keydesk.domain;

/**
 * A key refused unread: its client sent too many wrong keys lately and must wait. The HTTP API
 * answers it with 429 and {@code Retry-After}.
 */
public class TooManyFailedKeysException extends KeyRejectedException {
    private final long retryAfterSeconds;

    public TooManyFailedKeysException(long retryAfterSeconds) {
        super("Too many failed keys from this address. Try again in " + retryAfterSeconds + " second"
                + (retryAfterSeconds == 1 ? "" : "s") + ".");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** At least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
