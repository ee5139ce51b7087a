package com.keydesk.store;

import com.keydesk.domain.KeyCondition;
import com.keydesk.domain.KeySearch;
import com.keydesk.domain.KeyStatusFilter;
import com.keydesk.domain.KeyTableQuery;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A key table's query in SQL over api_key aliased k: which keys ({@link #where}) and their order
 * ({@link #orderBy}). The status filter says in SQL what {@link KeyStatusFilter#accepts} and
 * {@link KeyCondition} say in Java (KeyTablePagesTest holds them to the same keys on both engines):
 * expired once the expiry has come; else disabled while the permission set is none; else the owner
 * decides (deactivated: it does not work); a working key expiring within {@link KeyCondition#SOON}
 * is expiring soon.
 */
final class KeyTableSql {
    private static final String INACTIVE_OWNER = "k.user_id IN (SELECT id FROM app_user WHERE NOT active)";
    private static final String OWNER_ACTIVE = "(k.user_id IS NULL OR NOT " + INACTIVE_OWNER + ")";
    private static final String SWITCHED_ON = "k.permission_set <> '" + PermissionSet.NONE.wireName() + "'";

    final List<String> where = new ArrayList<>();
    final List<Object> parameters = new ArrayList<>();

    /**
     * The keys of {@code query} that {@code ownerId} (null: everyone's) may see, as of {@code now}.
     * {@code matchingOwners}: the ids of the users whose username starts with the search, read
     * ahead ({@link #ownersMatching}); null when there were too many to list.
     */
    KeyTableSql(Long ownerId, KeyTableQuery query, Instant now, List<Long> matchingOwners) {
        if (ownerId != null) {
            add("k.user_id = ?", ownerId);
        }
        if (query.type() == KeyType.SITE) {
            where.add("k.user_id IS NULL");
        } else if (query.type() == KeyType.USER) {
            where.add("k.user_id IS NOT NULL");
        }
        search(KeySearch.normalize(query.search()), matchingOwners);
        status(query.status(), Times.toDb(now), Times.toDb(KeyCondition.soonAfter(now)));
    }

    /** The most owners listed by id in a search; past it the statement asks app_user itself. */
    static final int MOST_OWNERS_LISTED = 500;

    /**
     * The name's folded form starts with the query (a range of api_key_name_fold_owner_id), or the owner's
     * username does. The owners are listed by id when there are few: PostgreSQL then reads two
     * index ranges (name_fold, user_id) and ORs them; with "IN (SELECT …)" it read every key.
     */
    private void search(String q, List<Long> matchingOwners) {
        if (q.isEmpty()) {
            return;
        }
        if (!KeySearch.canMatch(q)) {
            where.add("1 = 0");   // longer than any name or username: nothing matches, and it is not sent
            return;
        }
        byte[] from = KeyNameColumns.prefix(q);
        byte[] upTo = KeyNameColumns.afterEveryExtensionOf(from);
        String names = upTo == null ? "k.name_fold >= ?" : "(k.name_fold >= ? AND k.name_fold < ?)";
        parameters.add(from);
        if (upTo != null) {
            parameters.add(upTo);
        }
        if (matchingOwners == null) {
            where.add("(" + names + " OR k.user_id IN (SELECT id FROM app_user WHERE " + OWNER_LIKE + "))");
            parameters.add(ownerPattern(q));
        } else if (matchingOwners.isEmpty()) {
            where.add(names);
        } else {
            where.add("(" + names + " OR k.user_id IN (" + String.join(", ", java.util.Collections.nCopies(matchingOwners.size(), "?")) + "))");
            parameters.addAll(matchingOwners);
        }
    }

    /** username_key is the username in lower case, which is its fold: usernames are ASCII. */
    private static final String OWNER_LIKE = "username_key LIKE ? ESCAPE '!'";

    private static String ownerPattern(String normalizedQuery) {
        return normalizedQuery.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * The ids of the users whose username starts with the search, at most {@link #MOST_OWNERS_LISTED};
     * null when there are more (or nothing is searched: then none is needed).
     */
    static List<Long> ownersMatching(java.sql.Connection c, KeyTableQuery query) throws java.sql.SQLException {
        String q = KeySearch.normalize(query.search());
        if (q.isEmpty()) {
            return null;
        }
        if (!KeySearch.canMatch(q)) {
            return List.of();   // no username is that long
        }
        List<Long> ids = new ArrayList<>();
        try (java.sql.PreparedStatement s = c.prepareStatement("SELECT id FROM app_user WHERE " + OWNER_LIKE
                + " LIMIT " + (MOST_OWNERS_LISTED + 1))) {
            s.setString(1, ownerPattern(q));
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids.size() > MOST_OWNERS_LISTED ? null : ids;
    }

    private void status(KeyStatusFilter filter, Object now, Object soon) {
        String expired = "k.expires_at <= ?";
        String notExpired = "(k.expires_at IS NULL OR k.expires_at > ?)";
        switch (filter) {
            case ALL -> { }
            case EXPIRED -> add(expired, now);
            case DISABLED -> add(notExpired + " AND NOT " + SWITCHED_ON, now);
            case OWNER_DEACTIVATED -> add(notExpired + " AND " + SWITCHED_ON + " AND " + INACTIVE_OWNER, now);
            case ACTIVE -> add(notExpired + " AND " + SWITCHED_ON + " AND " + OWNER_ACTIVE, now);
            case EXPIRING_SOON -> add(expiringSoon(), now, soon);
            case NEEDS_ATTENTION -> add("(" + expired + " OR " + expiringSoon() + ")", now, now, soon);
        }
    }

    /** Works, and its expiry is before {@code soon}: two parameters, now and soon. */
    private static String expiringSoon() {
        return "(k.expires_at > ? AND k.expires_at < ? AND " + SWITCHED_ON + " AND " + OWNER_ACTIVE + ")";
    }

    private void add(String condition, Object... values) {
        where.add(condition);
        parameters.addAll(List.of(values));
    }

    String whereClause() {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    /** The column an order sorts by; null for {@link KeyTableQuery.Order#NEWEST} (the id alone). */
    static String column(KeyTableQuery.Order order) {
        return switch (order) {
            case NEWEST -> null;
            case NAME -> "name_sort";
            case CREATED -> "created_at";
            case EXPIRES -> "expires_at";
            case LAST_USE -> "last_use_at";
        };
    }

    static boolean nullable(KeyTableQuery.Order order) {
        return order == KeyTableQuery.Order.EXPIRES || order == KeyTableQuery.Order.LAST_USE;
    }

    /**
     * The ORDER BY of {@code query} over alias {@code alias}: ascending with nulls last or its exact
     * reverse, the order of the (column, id) index read forwards or backwards. NEWEST is the id
     * descending (reversed: ascending).
     */
    static String orderBy(KeyTableQuery query, String alias) {
        String column = column(query.order());
        if (column == null) {
            return alias + "id" + (query.descending() ? "" : " DESC");
        }
        String direction = query.descending() ? " DESC" : "";
        String nulls = nullable(query.order()) ? (query.descending() ? " NULLS FIRST" : " NULLS LAST") : "";
        return alias + column + direction + nulls + ", " + alias + "id" + direction;
    }
}
