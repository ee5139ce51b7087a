package com.keydesk.domain;

/**
 * Which keys a key table shows, and in which order: what the service reads a count, a page or a
 * key's position by. Whose keys is not part of it: the service decides that from the session (an
 * administrator sees every key, anyone else only their own).
 *
 * @param type       site or user keys; null: both
 * @param search     as typed; matched by {@link KeySearch}
 * @param status     the status filter
 * @param order      the column sorted by
 * @param descending the order reversed (for {@link Order#NEWEST}: oldest first)
 */
public record KeyTableQuery(KeyType type, String search, KeyStatusFilter status, Order order, boolean descending) {
    /**
     * The orders a table can be read in, each served by an index. The id breaks ties, so every
     * order is total and a page never repeats or skips a key. A key with no expiry (or never used)
     * comes after every date ascending, before them descending.
     */
    public enum Order { NEWEST, NAME, CREATED, EXPIRES, LAST_USE }

    public KeyTableQuery {
        search = search == null ? "" : search;
        status = status == null ? KeyStatusFilter.ALL : status;
        order = order == null ? Order.NEWEST : order;
    }

    /** Every key of the type, newest first. */
    public static KeyTableQuery all(KeyType type) {
        return new KeyTableQuery(type, "", KeyStatusFilter.ALL, Order.NEWEST, false);
    }

    public KeyTableQuery withSearch(String text) {
        return new KeyTableQuery(type, text, status, order, descending);
    }

    public KeyTableQuery withStatus(KeyStatusFilter filter) {
        return new KeyTableQuery(type, search, filter, order, descending);
    }

    /** The same keys in {@code other}'s order: two queries that match the same keys compare equal so. */
    public KeyTableQuery withOrderOf(KeyTableQuery other) {
        return sortedBy(other.order, other.descending);
    }

    public KeyTableQuery sortedBy(Order by, boolean reversed) {
        return new KeyTableQuery(type, search, status, by, reversed);
    }
}
