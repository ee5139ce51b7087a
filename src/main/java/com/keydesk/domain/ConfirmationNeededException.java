package com.keydesk.domain;

/** The step is possible but needs a confirmation the person has not given yet (the sentence says which). */
public class ConfirmationNeededException extends KeyDeskException {
    public ConfirmationNeededException(String message) {
        super(message);
    }
}
