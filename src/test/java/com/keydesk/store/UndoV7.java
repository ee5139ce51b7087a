package com.keydesk.store;

import com.keydesk.testing.TestEngine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Undoes migrations V8 and V7 by hand, history rows included, for tests that make a store look older. */
public final class UndoV7 {
    private static final List<String> STATEMENTS = List.of(
            // V8
            "CREATE INDEX api_key_name_fold ON api_key(name_fold)", "DROP INDEX api_key_name_fold_owner_id",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '8'",
            // V7
            "DROP INDEX api_key_name_sort_id", "DROP INDEX api_key_name_fold", "DROP INDEX api_key_created_at_id", "DROP INDEX api_key_last_use_at_id",
            "ALTER TABLE api_key DROP COLUMN name_sort", "ALTER TABLE api_key DROP COLUMN name_fold",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'");

    private UndoV7() {
    }

    public static void undo(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : STATEMENTS) {
                s.executeUpdate(statement);
            }
            if (!TestEngine.postgresql()) {
                givesTheOwnerKeyItsOwnIndexAgain(s);
            }
        }
    }

    /**
     * H2 rebuilds api_key to add or drop a column, and the rebuilt foreign key on user_id serves
     * itself from api_key_user_id instead of the index it was made with. A store from before V7 had
     * that index (its expected shape says so), so the key is made again as V1 made it: before the index.
     */
    private static void givesTheOwnerKeyItsOwnIndexAgain(Statement s) throws SQLException {
        String name;
        try (ResultSet r = s.executeQuery("SELECT k.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t ON t.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " WHERE k.TABLE_NAME = 'API_KEY' AND k.COLUMN_NAME = 'USER_ID' AND t.CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
            r.next();
            name = r.getString(1);
        }
        s.executeUpdate("ALTER TABLE api_key DROP CONSTRAINT \"" + name + "\"");
        s.executeUpdate("DROP INDEX api_key_user_id");
        s.executeUpdate("ALTER TABLE api_key ADD FOREIGN KEY (user_id) REFERENCES app_user(id)");
        s.executeUpdate("CREATE INDEX api_key_user_id ON api_key(user_id)");
    }
}
