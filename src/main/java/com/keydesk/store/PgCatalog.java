package com.keydesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a PostgreSQL database holds, read from PostgreSQL's own catalogue before Flyway or any
 * statement of KeyDesk's touches it: nothing yet, a KeyDesk store (and which schema version), or
 * something else. A KeyDesk store must hold only what KeyDesk's migrations make in its schema: a
 * trigger, rule, function, view or policy added there by hand runs code or hides rows KeyDesk
 * would not see, so such a store is refused as changed outside KeyDesk.
 */
final class PgCatalog {
    /** The tables KeyDesk's migrations make, with Flyway's history. */
    static final Set<String> TABLES = Set.of("site", "app_user", "api_key", "audit_entry", "audit_head",
            "sign_in_throttle", "flyway_schema_history");
    static final String FIRST_SCRIPT = "V1__initial_schema.sql";

    enum Kind { EMPTY, KEYDESK, FOREIGN }

    /**
     * @param oddity for a KeyDesk store, the first thing in its schema KeyDesk did not make, if any
     * @param foreignExample for a foreign database, one thing it holds (for the sentence)
     */
    record State(Kind kind, String schema, String newestVersion, Optional<String> oddity, String foreignExample) {
    }

    private PgCatalog() {
    }

    static State read(Connection c) throws SQLException {
        String schema = one(c, "SELECT current_schema()");
        if (schema == null) {
            schema = "public";
        }
        List<String> userRelations = list(c, "SELECT n.nspname || '.' || c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','v','m','f','p')"
                + " AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
                + " ORDER BY 1 LIMIT 50");
        boolean hasHistory = !list(c, "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = 'flyway_schema_history' AND c.relkind = 'r'", schema).isEmpty();
        if (!hasHistory) {
            return userRelations.isEmpty() && functions(c, schema).isEmpty()
                    ? new State(Kind.EMPTY, schema, null, Optional.empty(), null)
                    : new State(Kind.FOREIGN, schema, null, Optional.empty(),
                    userRelations.isEmpty() ? "function " + functions(c, schema).getFirst() : "table " + userRelations.getFirst());
        }
        String first = one(c, "SELECT script FROM " + quoted(schema) + ".flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank LIMIT 1");
        if (!FIRST_SCRIPT.equals(first)) {
            return new State(Kind.FOREIGN, schema, null, Optional.empty(), "a Flyway history of another program");
        }
        List<String> versions = list(c, "SELECT version FROM " + quoted(schema) + ".flyway_schema_history"
                + " WHERE version IS NOT NULL AND success");
        String newest = versions.stream().max(PgCatalog::compareVersions).orElse(null);
        return new State(Kind.KEYDESK, schema, newest, oddity(c, schema), null);
    }

    /** The first object in the store's schema that KeyDesk's migrations do not make. */
    private static Optional<String> oddity(Connection c, String schema) throws SQLException {
        for (String relation : list(c, "SELECT c.relname || ':' || c.relkind::text FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r','v','m','f','p')"
                + " ORDER BY 1", schema)) {
            String name = relation.substring(0, relation.lastIndexOf(':'));
            boolean table = relation.endsWith(":r");
            if (!table || !TABLES.contains(name)) {
                return Optional.of((table ? "a table " : "a view or foreign table ") + name);
            }
        }
        List<String> triggers = list(c, "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal ORDER BY 1", schema);
        if (!triggers.isEmpty()) {
            return Optional.of("a trigger " + triggers.getFirst());
        }
        List<String> rules = list(c, "SELECT rulename FROM pg_rules WHERE schemaname = ? ORDER BY 1", schema);
        if (!rules.isEmpty()) {
            return Optional.of("a rule " + rules.getFirst());
        }
        List<String> policies = list(c, "SELECT policyname FROM pg_policies WHERE schemaname = ? ORDER BY 1", schema);
        if (!policies.isEmpty()) {
            return Optional.of("a row-level security policy " + policies.getFirst());
        }
        List<String> functions = functions(c, schema);
        if (!functions.isEmpty()) {
            return Optional.of("a function " + functions.getFirst());
        }
        return Optional.empty();
    }

    private static List<String> functions(Connection c, String schema) throws SQLException {
        return list(c, "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = ? ORDER BY 1 LIMIT 5", schema);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a version this program cannot read is not older than it
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String one(Connection c, String sql) throws SQLException {
        List<String> rows = list(c, sql);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private static List<String> list(Connection c, String sql, String... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }
}
