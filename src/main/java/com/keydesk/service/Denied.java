package com.keydesk.service;

/**
 * Thrown inside a transaction when a rule refuses the actor. {@link Guard} turns it into an audit
 * entry (outcome "denied", in its own transaction since the work's is rolled back) and a
 * {@link com.keydesk.domain.PermissionDeniedException} for the caller.
 */
final class Denied extends RuntimeException {
    private final String actor;
    private final String action;
    private final String target;

    Denied(Actor actor, String action, String target, String reason) {
        super(reason, null, false, false);
        this.actor = actor.username();
        this.action = action;
        this.target = target;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    String target() {
        return target;
    }
}
