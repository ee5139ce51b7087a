package com.keydesk.service;

import com.keydesk.domain.ApiKey;

import java.time.Instant;
import java.util.Comparator;

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

    public enum Order {
        NEWEST_FIRST, EXPIRES_ASC, EXPIRES_DESC;

        Comparator<ApiKey> comparator() {
            Comparator<ApiKey> byId = Comparator.comparingLong(ApiKey::id);
            return switch (this) {
                case NEWEST_FIRST -> byId.reversed();
                // no expiry sorts as the latest one; the id breaks ties so the order is total
                case EXPIRES_ASC -> Comparator.comparing(ApiKey::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(byId);
                case EXPIRES_DESC -> EXPIRES_ASC.comparator().reversed();
            };
        }
    }

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

    boolean matches(ApiKey key) {
        Instant e = key.expiresAt();
        boolean bounded = expiresEq != null || expiresGt != null || expiresGte != null || expiresLt != null
                || expiresLte != null;
        if (!bounded) {
            return true;
        }
        return e != null && (expiresEq == null || e.equals(expiresEq)) && (expiresGt == null || e.isAfter(expiresGt))
                && (expiresGte == null || !e.isBefore(expiresGte)) && (expiresLt == null || e.isBefore(expiresLt))
                && (expiresLte == null || !e.isAfter(expiresLte));
    }

    /** Whether the key comes after the previous page's last key in this order. */
    boolean isAfterCursor(ApiKey key) {
        if (after == null) {
            return true;
        }
        ApiKey marker = new ApiKey(after.id(), null, null, null, null, false, true, null, null, false, null, null,
                null, after.expiresAt(), null);
        return order.comparator().compare(key, marker) > 0;
    }
}
