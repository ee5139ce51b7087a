package com.keydesk.domain;

import java.time.Instant;

/**
 * A key that no longer works, as the "Inactive" view lists it: revoked (its row is gone, so what
 * it was comes from the audit entry that revoked it), replaced (revoked by a replace, which made a
 * new key in its place) or expired (still in the keys table).
 *
 * @param id            the key's id (a revoked key's id is never used again)
 * @param ownerUsername the owner's username, or null for a site key
 * @param at            when it was revoked, or when it expired
 * @param revokedBy     who revoked or replaced it; null for an expired key
 */
public record InactiveKey(long id, String name, String ownerUsername, Kind kind, Instant at, String revokedBy) {

    public enum Kind { REVOKED, REPLACED, EXPIRED }

    public KeyType type() {
        return ownerUsername == null ? KeyType.SITE : KeyType.USER;
    }
}
