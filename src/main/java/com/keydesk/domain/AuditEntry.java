package com.keydesk.domain;

import java.time.Instant;

/**
 * One line of the append-only audit log. Never holds a secret. {@code rowDigest} is the digest of
 * the key, user or site row the change left behind (null for entries that change no such row): it
 * binds the row to the chain, so an edit made outside KeyDesk shows.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target,
                         String outcome, String detail, String rowDigest, String prevHash, String entryHash) {

    public static final String OUTCOME_OK = "ok";
    public static final String OUTCOME_DENIED = "denied";
    public static final String OUTCOME_FAILED = "failed";
}
