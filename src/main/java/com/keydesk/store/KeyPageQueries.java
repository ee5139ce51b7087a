package com.keydesk.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one page of a key list ({@link KeyStream#page}). Every page is read as a range of
 * an index in that index's order, starting just after the previous page's last key, so a page
 * costs the same whether it is the first or the hundredth: newest first walks the primary key
 * backwards ({@code id < ?}); by expiry it walks api_key_expires_at_id, (expires_at, id), from
 * the row value of the last key. Keys without an expiry come last ascending and first descending:
 * they are a range of their own ({@code expires_at IS NULL}, then by id), read before or after
 * the dated ones, so each query keeps to one range and needs no sort on either engine.
 */
final class KeyPageQueries {
    /** One statement and its parameters, in order. */
    record Query(String sql, List<Object> parameters) {
    }

    /** Which part of the order a query reads. */
    private enum Part { BY_ID, DATED, UNDATED }

    private KeyPageQueries() {
    }

    /** The queries that make the page, in order: read each until the page is full. */
    static List<Query> of(KeySeek seek) {
        boolean afterDated = seek.afterId() != null && seek.afterExpires() != null;
        boolean afterUndated = seek.afterId() != null && seek.afterExpires() == null;
        boolean undatedToo = !seek.boundedByExpiry();
        List<Query> queries = new ArrayList<>();
        switch (seek.order()) {
            case NEWEST_FIRST -> queries.add(query(seek, Part.BY_ID, false, seek.afterId() != null));
            case EXPIRES_ASC -> {
                if (!afterUndated) {
                    queries.add(query(seek, Part.DATED, true, afterDated));
                }
                if (undatedToo) {
                    queries.add(query(seek, Part.UNDATED, true, afterUndated));
                }
            }
            case EXPIRES_DESC -> {
                if (undatedToo && !afterDated) {
                    queries.add(query(seek, Part.UNDATED, false, afterUndated));
                }
                queries.add(query(seek, Part.DATED, false, afterDated));
            }
        }
        return queries;
    }

    private static Query query(KeySeek seek, Part part, boolean ascending, boolean afterCursor) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (seek.ownerId() != null) {
            where.add("user_id = ?");
            parameters.add(seek.ownerId());
        }
        if (seek.siteKeysOnly()) {
            where.add("user_id IS NULL");
        }
        bound(where, parameters, "expires_at = ?", seek.expiresEq());
        bound(where, parameters, "expires_at > ?", seek.expiresGt());
        bound(where, parameters, "expires_at >= ?", seek.expiresGte());
        bound(where, parameters, "expires_at < ?", seek.expiresLt());
        bound(where, parameters, "expires_at <= ?", seek.expiresLte());
        String direction = ascending ? "" : " DESC";
        String order = switch (part) {
            case BY_ID -> "id" + direction;
            // the undated part orders by expires_at too (all null): the index's own order, so no sort
            case DATED, UNDATED -> "expires_at" + direction + ", id" + direction;
        };
        switch (part) {
            case BY_ID -> {
                if (afterCursor) {
                    where.add("id < ?");
                    parameters.add(seek.afterId());
                }
            }
            case UNDATED -> {
                where.add("expires_at IS NULL");
                if (afterCursor) {
                    where.add(ascending ? "id > ?" : "id < ?");
                    parameters.add(seek.afterId());
                }
            }
            case DATED -> {
                where.add("expires_at IS NOT NULL");
                if (afterCursor) {
                    // the plain bound gives H2 its index range; the row value gives PostgreSQL the exact start
                    Object expires = Times.toDb(seek.afterExpires());
                    where.add(ascending ? "expires_at >= ?" : "expires_at <= ?");
                    where.add(ascending ? "(expires_at, id) > (?, ?)" : "(expires_at, id) < (?, ?)");
                    parameters.add(expires);
                    parameters.add(expires);
                    parameters.add(seek.afterId());
                }
            }
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return new Query(KeyRows.SELECT + filter + " ORDER BY " + order + " LIMIT ?", parameters);
    }

    private static void bound(List<String> where, List<Object> parameters, String condition, java.time.Instant value) {
        if (value != null) {
            where.add(condition);
            parameters.add(Times.toDb(value));
        }
    }
}
