package com.keydesk.domain;

/** The key or user named does not exist (or the acting user may not know it exists). */
public class NotFoundException extends KeyDeskException {
    /** What was looked for, for front ends that answer with a code per kind (the HTTP API's error types). */
    public enum Thing { KEY, USER, OTHER }

    private final Thing thing;

    public NotFoundException(String message) {
        this(message, Thing.OTHER);
    }

    public NotFoundException(String message, Thing thing) {
        super(message);
        this.thing = thing;
    }

    public Thing thing() {
        return thing;
    }
}
