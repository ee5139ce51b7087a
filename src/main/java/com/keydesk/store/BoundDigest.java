package com.keydesk.store;

/**
 * The SQL of the newest row digest the audit chain holds about a target: a scalar subquery that a
 * read adds to its columns, so that a row and the chain's last word on it come in one statement
 * (one round trip to a team store). The same query as {@link AuditRepository#latestRowDigest}.
 */
final class BoundDigest {
    private BoundDigest() {
    }

    /** {@code target} is an SQL expression: a literal ('site') or one made of the row's id. */
    static String of(String target) {
        return "(SELECT a.row_digest FROM audit_entry a WHERE a.target = " + target
                + " AND a.row_digest IS NOT NULL ORDER BY a.target DESC, a.seq DESC LIMIT 1)";
    }
}
