package com.keydesk.domain;

/**
 * The whole text of a key. Deliberately not a record: {@link #toString()}, equality and
 * hashing must never reveal or compare the value by accident (logs, debuggers, collections).
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The key text. Call only where the person is meant to see or copy it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
