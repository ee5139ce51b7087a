package com.keydesk.domain;

/** Sign-in failed: unknown user, wrong password, deactivated user or too many attempts; deliberately vague. */
public class AuthenticationException extends KeyDeskException {
    public AuthenticationException(String message) {
        super(message);
    }
}
