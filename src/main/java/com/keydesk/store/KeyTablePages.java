package com.keydesk.store;

import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyTableQuery;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A key table read on demand: how many keys it shows, one page of them at an offset, and where a
 * key is among them. Every order is a (column, id) index read forwards or backwards and the search
 * a range of api_key_name_fold_owner_id ({@link KeyTableSql}); a page picks its ids from api_key
 * alone and joins owner and creator for those only, so skipping to the middle of a million keys
 * reads index entries, not people. Plain JDBC inside the caller's transaction.
 */
public final class KeyTablePages {
    private final DSLContext tx;
    private final Long ownerId;
    private final KeyTableQuery query;
    private final Instant now;

    /** The keys of {@code query} that {@code ownerId} may see (null: every key), with statuses as of {@code now}. */
    public KeyTablePages(DSLContext tx, Long ownerId, KeyTableQuery query, Instant now) {
        this.tx = tx;
        this.ownerId = ownerId;
        this.query = query;
        this.now = now;
    }

    /** How many keys the table shows: exact. */
    public long count() {
        return tx.connectionResult(c -> {
            KeyTableSql sql = sql(c);
            try (PreparedStatement statement = prepare(c, "SELECT COUNT(*) FROM api_key k" + sql.whereClause(), sql.parameters);
                 ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** At most {@code limit} keys from position {@code offset} (0: the first), in the query's order. */
    public <R> List<R> page(long offset, int limit, Function<KeySummary, R> toRow) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        String column = KeyTableSql.column(query.order());
        return tx.connectionResult(c -> {
            KeyTableSql sql = sql(c);
            String picked = readsMatchesFirst(c, sql, limit) ? matchesFirst(sql, column) : inOrder(sql, column);
            String statementText = KeySummaries.COLUMNS + " FROM (" + picked + ") p JOIN api_key k ON k.id = p.id"
                    + KeySummaries.PEOPLE + " ORDER BY " + KeyTableSql.orderBy(query, "p.");
            List<Object> parameters = new ArrayList<>(sql.parameters);
            parameters.add(limit);
            parameters.add(offset);
            List<R> rows = new ArrayList<>(limit);
            KeySummaries reader = new KeySummaries();
            try (PreparedStatement statement = prepare(c, statementText, parameters);
                 ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(toRow.apply(reader.read(r)));
                }
            }
            return rows;
        });
    }

    /** Keys of the table's order looked at to judge a search or filter: a few ms of index entries. */
    static final int SAMPLE = 4_000;

    /**
     * Whether a page is better read by finding every match first and sorting them than by reading
     * the order's index until the page is full. The second is quick when matches are common near
     * the start of the order, and the database's planner assumes they are spread evenly; they
     * often are not: keys named "sync job 4…" by a script were made together, so newest first
     * meets the first of them only after half a million others (0.8 s at a million keys, against
     * 66-75 ms for reading the 100,000 matches from V8's index and sorting them, on a busy machine:
     * docs/PERFORMANCE.md). So the first {@link #SAMPLE} keys of
     * the order are looked at: with fewer than a page of matches among them, the matches are read
     * first. Either way the answer is the same; only the work differs.
     */
    private boolean readsMatchesFirst(Connection c, KeyTableSql sql, int limit) throws SQLException {
        if (sql.where.isEmpty()) {
            return false;   // every key matches: the order's index gives the page at once
        }
        String sample = "SELECT COUNT(*) FROM (SELECT * FROM api_key k ORDER BY " + KeyTableSql.orderBy(query, "k.")
                + " LIMIT " + SAMPLE + ") k" + sql.whereClause();
        try (PreparedStatement statement = prepare(c, sample, sql.parameters);
             ResultSet r = statement.executeQuery()) {
            r.next();
            return r.getLong(1) < Math.max(limit, 1);
        }
    }

    /** The statement (and its parameters) {@link #page} picks a first page's ids with, for tests. */
    Picked picked(int limit) {
        String column = KeyTableSql.column(query.order());
        return tx.connectionResult(c -> {
            KeyTableSql sql = sql(c);
            boolean first = readsMatchesFirst(c, sql, limit);
            List<Object> parameters = new ArrayList<>(sql.parameters);
            parameters.add(limit);
            parameters.add(0L);
            return new Picked(first, first ? matchesFirst(sql, column) : inOrder(sql, column), parameters);
        });
    }

    /** A page's ids: whether the matches are read first, the statement, its parameters. */
    record Picked(boolean matchesFirst, String sql, List<Object> parameters) {
    }

    /** The page's ids read in the order's index, the search and filter checked on each key on the way. */
    private String inOrder(KeyTableSql sql, String column) {
        return "SELECT k.id" + (column == null ? "" : ", k." + column) + " FROM api_key k" + orderIndexHint()
                + sql.whereClause() + " ORDER BY " + KeyTableSql.orderBy(query, "k.") + " LIMIT ? OFFSET ?";
    }

    /**
     * H2 is told to read the order's index: given a search, it reads the search's range and sorts
     * every match whatever their number (90,000 sorted for "s" at 100,000 keys: 200 ms a keystroke),
     * where the order's index meets a page of common matches at once. An empty hint leaves H2 its
     * table scan, which it then serves from the primary key, in id order. PostgreSQL weighs the two
     * itself, from its statistics.
     */
    private String orderIndexHint() {
        if (tx.dialect().family() != SQLDialect.H2) {
            return "";
        }
        return switch (query.order()) {
            case NEWEST -> " USE INDEX ()";
            case NAME -> " USE INDEX (api_key_name_sort_id)";
            case CREATED -> " USE INDEX (api_key_created_at_id)";
            case EXPIRES -> " USE INDEX (api_key_expires_at_id)";
            case LAST_USE -> " USE INDEX (api_key_last_use_at_id)";
        };
    }

    /**
     * The page's ids from every match, sorted: the matches are a derived table with OFFSET 0, which
     * both engines plan on its own (PostgreSQL does not pull it up into the outer query), so they
     * are found through the search's or filter's index and not by reading the order's.
     */
    private String matchesFirst(KeyTableSql sql, String column) {
        return "SELECT m.id" + (column == null ? "" : ", m." + column) + " FROM (SELECT k.id"
                + (column == null ? "" : ", k." + column) + " FROM api_key k" + sql.whereClause() + " OFFSET 0) m"
                + " ORDER BY " + KeyTableSql.orderBy(query, "m.") + " LIMIT ? OFFSET ?";
    }

    /** Where the key is in the table (0: first), or -1 when the table does not show it. */
    public long positionOf(long keyId) {
        String column = KeyTableSql.column(query.order());
        return tx.connectionResult(c -> {
            KeyTableSql sql = sql(c);
            List<Object> parameters = new ArrayList<>(sql.parameters);
            parameters.add(keyId);
            Object value;
            try (PreparedStatement statement = prepare(c, "SELECT " + (column == null ? "k.id" : "k." + column)
                    + " FROM api_key k" + sql.whereClause() + (sql.where.isEmpty() ? " WHERE" : " AND") + " k.id = ?", parameters);
                 ResultSet r = statement.executeQuery()) {
                if (!r.next()) {
                    return -1L;
                }
                value = r.getObject(1);
            }
            List<Object> counted = new ArrayList<>(sql.parameters);
            String before = before(column, value, keyId, counted);
            try (PreparedStatement statement = prepare(c, "SELECT COUNT(*) FROM api_key k" + sql.whereClause()
                    + (sql.where.isEmpty() ? " WHERE " : " AND ") + before, counted);
                 ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** The keys before the one with this id and sort value, in the query's order (see {@link KeyTableSql#orderBy}). */
    private String before(String column, Object value, long keyId, List<Object> parameters) {
        boolean descending = query.descending();
        if (column == null) {
            parameters.add(keyId);
            return descending ? "k.id < ?" : "k.id > ?";   // newest first is the id descending
        }
        String c = "k." + column;
        String after = descending ? " > ?" : " < ?";
        String idAfter = descending ? "k.id > ?" : "k.id < ?";
        if (value == null) {   // only a nullable column: nulls come last ascending, first descending
            parameters.add(keyId);
            return descending ? "(" + c + " IS NULL AND " + idAfter + ")" : "(" + c + " IS NOT NULL OR " + idAfter + ")";
        }
        parameters.add(value);
        parameters.add(value);
        parameters.add(keyId);
        String dated = c + after + " OR (" + c + " = ? AND " + idAfter + ")";
        return descending && KeyTableSql.nullable(query.order()) ? "(" + c + " IS NULL OR " + dated + ")" : "(" + dated + ")";
    }

    private KeyTableSql sql(Connection c) throws SQLException {
        return new KeyTableSql(ownerId, query, now, KeyTableSql.ownersMatching(c, query));
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
