package com.keydesk.domain;

/** The key or user named does not exist (or the acting user may not know it exists). */
public class NotFoundException extends KeyDeskException {
    public NotFoundException(String message) {
        super(message);
    }
}
