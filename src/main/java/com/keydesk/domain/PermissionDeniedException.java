package com.keydesk.domain;

/** The acting user may not do this. Written to the audit log before it is thrown. */
public class PermissionDeniedException extends KeyDeskException {
    /**
     * Which kind of rule said no, for front ends that answer with a code per kind (the HTTP API's
     * error types); the sentence stays the same for everyone.
     */
    public enum Rule {
        /** Only an administrator (or the site setting) allows it. */
        NEEDS_ADMIN,
        /** Only for oneself: someone else was named. */
        OTHER_USER,
        /** The key asked about is not the actor's, or does not exist: the two look the same on purpose. */
        NOT_YOURS,
        /** The request came with an API key whose permission set is not {@code full}. */
        NEEDS_FULL_KEY
    }

    private final Rule rule;

    public PermissionDeniedException(String message) {
        this(message, Rule.NEEDS_ADMIN);
    }

    public PermissionDeniedException(String message, Rule rule) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
