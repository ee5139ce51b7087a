package com.keydesk.domain;

/** Input that cannot be accepted; names the field so a dialog can show the sentence beside it. */
public class ValidationException extends KeyDeskException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
