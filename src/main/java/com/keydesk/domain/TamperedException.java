package com.keydesk.domain;

/**
 * The store was changed outside KeyDesk: a row that grants access does not match the audit
 * chain's last word on it, or the history no longer holds what this installation saw. What it
 * names is not honoured.
 */
public class TamperedException extends KeyDeskException {
    public TamperedException(String message) {
        super(message);
    }
}
