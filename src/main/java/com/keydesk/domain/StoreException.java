package com.keydesk.domain;

/**
 * The store cannot be used: missing, in use by another process, written by a newer KeyDesk, damaged,
 * or changed outside KeyDesk (it holds something KeyDesk's migrations do not make, so it is not opened).
 */
public class StoreException extends KeyDeskException {
    /** UNREACHABLE: a team store's server cannot be reached or refused the connection. */
    public enum Reason { MISSING, IN_USE, NEWER_VERSION, UNREADABLE, ALREADY_EXISTS, CHANGED_OUTSIDE, UNREACHABLE }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
