package com.keydesk.service;

import com.keydesk.domain.ApiKey;

import java.time.Instant;

/**
 * One page of a key list as the HTTP API asks for it: whose keys, which expiry range, in which
 * order, after which key, how many.
 *
 * @param owner      whose keys: {@link Owner#ALL_VISIBLE} (all the actor may see), {@link Owner#SELF}, or a user id
 * @param userId     the user when {@code owner} is {@link Owner#USER}
 * @param expiresEq  with the other four: bounds on expires_at (null: no bound); a key without expiry matches none
 * @param order      {@link Order#NEWEST_FIRST} unless sorted by expiry
 * @param after      the last key of the previous page (its id and expiry), or null for the first page
 * @param limit      at most this many keys (1 to 10,000)
 */
public record KeyQuery(Owner owner, long userId, Instant expiresEq, Instant expiresGt, Instant expiresGte,
                       Instant expiresLt, Instant expiresLte, Order order, Position after, int limit) {
    public enum Owner { ALL_VISIBLE, SELF, USER }

    /** By expiry, no expiry counts as the latest one and the id breaks ties, so every order is total. */
    public enum Order { NEWEST_FIRST, EXPIRES_ASC, EXPIRES_DESC }

    /** Where a page ended: enough to find the next one however keys were added or removed meanwhile. */
    public record Position(long id, Instant expiresAt) {
        public static Position of(ApiKey key) {
            return new Position(key.id(), key.expiresAt());
        }
    }

    public static final int MAX_LIMIT = 10_000;

    public KeyQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range");
        }
    }
}
