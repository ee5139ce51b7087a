package com.keydesk.testing;

import com.keydesk.store.Database;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts the statements an H2 store runs, from H2's own query statistics: for tests that a piece
 * of work sends no more statements than it must (on a team store each one is a round trip).
 */
public final class H2Statements {
    private final Database db;

    private H2Statements(Database db) {
        this.db = db;
    }

    /** Starts counting afresh (H2 forgets its statistics when they are switched off). */
    public static H2Statements countFrom(Database db) {
        TestEngine.assumeH2("counts statements with H2's query statistics");
        db.inTransaction(cfg -> cfg.dsl().execute("SET QUERY_STATISTICS FALSE"));
        db.inTransaction(cfg -> cfg.dsl().execute("SET QUERY_STATISTICS TRUE"));
        return new H2Statements(db);
    }

    /** Each statement run since {@link #countFrom}, in lower case, with how often it ran. */
    public Map<String, Integer> executed() {
        return db.inTransaction(cfg -> cfg.dsl()
                .fetch("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
                .stream()
                .filter(r -> !r.get(0, String.class).toUpperCase(Locale.ROOT).contains("QUERY_STATISTICS"))
                .collect(Collectors.toMap(r -> r.get(0, String.class).toLowerCase(Locale.ROOT),
                        r -> r.get(1, Integer.class), Integer::sum)));
    }
}
