package com.keydesk.domain;

/** The request clashes with what is stored: a taken username, the last administrator, a store that already exists. */
public class ConflictException extends KeyDeskException {
    public ConflictException(String message) {
        super(message);
    }
}
