package com.keydesk.domain;

import java.time.Instant;

/** One line of the append-only audit log. Never holds a secret. */
public record AuditEntry(long seq, Instant at, String actor, String action, String target,
                         String outcome, String detail, String prevHash, String entryHash) {

    public static final String OUTCOME_OK = "ok";
    public static final String OUTCOME_DENIED = "denied";
    public static final String OUTCOME_FAILED = "failed";
}
