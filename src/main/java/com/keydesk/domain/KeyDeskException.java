package com.keydesk.domain;

/**
 * Every error a person may see. The message is a sentence that is safe to show (it never holds
 * a secret or a password) and says what to do next.
 */
public abstract class KeyDeskException extends RuntimeException {
    protected KeyDeskException(String message) {
        super(message);
    }

    protected KeyDeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
