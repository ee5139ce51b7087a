package com.keydesk.store;

import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The site as {@link SiteRepository#find} reads it, its canonical state ({@link RowStates#site}) and
 * the newest digest the audit chain holds for it, in one plain-JDBC statement instead of three:
 * every create, and every rule that depends on the site's settings, reads it.
 *
 * @param bound null when no entry binds the row
 */
public record SiteCheck(Site site, String state, String bound) {
    static final String SQL = "SELECT s.id, s.name, s.users_can_create_api_keys, s.created_at,"
            + " s.default_permission_set, s.max_key_lifetime_days, " + BoundDigest.of("'site'")
            + " FROM site s WHERE s.id = 1";

    public static Optional<SiteCheck> read(DSLContext tx) {
        return tx.connectionResult(connection -> {
            try (PreparedStatement query = connection.prepareStatement(SQL); ResultSet r = query.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                // RowStates.site's columns, as the types jOOQ gives them
                Object[] row = {r.getObject(1, Integer.class), r.getString(2), r.getObject(3, Boolean.class),
                        r.getObject(4, LocalDateTime.class), r.getString(5), r.getObject(6, Integer.class)};
                Site site = new Site((String) row[1], (Boolean) row[2], PermissionSet.parse((String) row[4]),
                        (Integer) row[5]);
                return Optional.of(new SiteCheck(site, RowStates.siteCanonical(row), r.getString(7)));
            }
        });
    }

    @Override
    public String toString() {
        return "SiteCheck[state and digest hidden]";
    }
}
