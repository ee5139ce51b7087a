package com.keydesk.service;

import com.keydesk.domain.PermissionDeniedException.Rule;

/**
 * Thrown inside a transaction when a rule refuses the actor. {@link Guard} turns it into an audit
 * entry (outcome "denied", in its own transaction since the work's is rolled back) and a
 * {@link com.keydesk.domain.PermissionDeniedException} for the caller.
 */
final class Denied extends RuntimeException {
    private final String actor;
    private final String action;
    private final String target;
    private final Rule rule;

    Denied(Actor actor, String action, String target, String reason) {
        this(actor, action, target, reason, Rule.NEEDS_ADMIN);
    }

    Denied(Actor actor, String action, String target, String reason, Rule rule) {
        super(reason, null, false, false);
        this.actor = actor.username();
        this.action = action;
        this.target = target;
        this.rule = rule;
    }

    Rule rule() {
        return rule;
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
