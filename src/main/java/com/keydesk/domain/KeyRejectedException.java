package com.keydesk.domain;

/** A key did not authenticate: malformed, unknown, revoked, disabled, expired or its owner deactivated. */
public class KeyRejectedException extends KeyDeskException {
    private final boolean disabled;

    public KeyRejectedException(String message) {
        this(message, false);
    }

    /**
     * @param disabled the key's secret was right and only its disabled state refuses it: the one
     *                 refusal the HTTP API reports apart (Files.com's api-key-is-disabled)
     */
    public KeyRejectedException(String message, boolean disabled) {
        super(message);
        this.disabled = disabled;
    }

    public boolean disabled() {
        return disabled;
    }
}
