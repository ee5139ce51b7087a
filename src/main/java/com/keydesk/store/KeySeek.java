package com.keydesk.store;

import java.time.Instant;

/**
 * One page of a key list as the store reads it ({@link KeyStream#page}): whose keys, which
 * expiry range, in which order, strictly after which key, how many.
 *
 * @param ownerId       only this owner's keys; null: every owner (and site keys)
 * @param siteKeysOnly  only site-wide keys (user_id empty)
 * @param expiresEq     with the four after it: bounds on expires_at (null: none); a key without expiry matches none
 * @param afterId       the id of the last key of the previous page; null for the first page
 * @param afterExpires  that key's expiry (null: it had none); read only in the expiry orders
 * @param limit         at most this many keys
 */
public record KeySeek(Long ownerId, boolean siteKeysOnly, Instant expiresEq, Instant expiresGt, Instant expiresGte,
                      Instant expiresLt, Instant expiresLte, Order order, Long afterId, Instant afterExpires, int limit) {
    /**
     * The orders a list may have. By expiry, a key without one counts as the latest (last when
     * ascending, first when descending), and the id breaks ties, so every order is total.
     */
    public enum Order { NEWEST_FIRST, EXPIRES_ASC, EXPIRES_DESC }

    public KeySeek {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    boolean boundedByExpiry() {
        return expiresEq != null || expiresGt != null || expiresGte != null || expiresLt != null || expiresLte != null;
    }
}
