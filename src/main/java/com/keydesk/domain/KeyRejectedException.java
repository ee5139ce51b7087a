package com.keydesk.domain;

/** A key did not authenticate: malformed, unknown, revoked, disabled, expired or its owner deactivated. */
public class KeyRejectedException extends KeyDeskException {
    public KeyRejectedException(String message) {
        super(message);
    }
}
