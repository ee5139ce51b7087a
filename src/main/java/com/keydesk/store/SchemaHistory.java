package com.keydesk.store;

import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyway's history table read with plain JDBC. Loading Flyway and scanning the class path for
 * scripts costs every command a few hundred milliseconds; a store whose history already lists
 * exactly the scripts this program bundles has nothing to migrate, so it can open without Flyway.
 * Anything else (an older store, a newer one, a failed or altered script) goes through Flyway as
 * before, which migrates, refuses or reports it.
 */
final class SchemaHistory {
    /** One applied (or bundled) versioned script as Flyway records it. */
    record Script(String version, String script, int checksum) {
    }

    /**
     * The scripts in src/main/resources/db/migration, in order, with Flyway's checksums. Adding or
     * changing a script means changing this list: SchemaHistoryTest compares it with what Flyway
     * itself resolves, so a forgotten update fails the build rather than skipping a migration.
     */
    static final List<Script> BUNDLED = List.of(
            new Script("1", "V1__initial_schema.sql", -187305521),
            new Script("2", "V2__index_key_expiry.sql", -934248162),
            new Script("3", "V3__audit_row_digest.sql", -1109734052),
            new Script("4", "V4__index_key_expiry_then_id.sql", 213100539),
            new Script("5", "V5__site_key_policy.sql", 136015434),
            new Script("6", "V6__user_must_change_password.sql", 965355663),
            new Script("7", "V7__key_table_order_and_search.sql", 479164956),
            new Script("8", "V8__key_search_index_covers_newest.sql", 136270412));

    private static final String TABLE = "\"flyway_schema_history\"";

    private SchemaHistory() {
    }

    /** True when every recorded script succeeded and they are exactly the bundled ones. */
    static boolean isCurrent(Connection connection) throws SQLException {
        List<Script> applied = applied(connection);
        return applied != null && applied.equals(BUNDLED);
    }

    /**
     * The versioned scripts recorded, in order; null when there is no history yet or a row is one
     * this shortcut does not judge (a failure, a repeatable or baseline entry): Flyway decides those.
     */
    private static List<Script> applied(Connection connection) throws SQLException {
        List<Script> scripts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"script\", \"checksum\", \"type\", \"success\""
                     + " FROM " + TABLE + " ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(4);
                if (!rows.getBoolean(5)) {
                    return null;
                }
                if (version == null && "TABLE".equals(type)) {
                    continue; // the marker row Flyway writes when it creates the table
                }
                Integer checksum = rows.getObject(3, Integer.class);
                if (version == null || !"SQL".equals(type) || checksum == null) {
                    return null;
                }
                scripts.add(new Script(version, rows.getString(2), checksum));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1
                    || "42P01".equals(e.getSQLState())) {   // PostgreSQL's undefined_table
                return null;
            }
            throw e;
        }
        return scripts;
    }
}
