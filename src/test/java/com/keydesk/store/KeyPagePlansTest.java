package com.keydesk.store;

import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.PgCluster;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query a page of a key list is made of is one range of an index, read in that index's
 * order, on both engines: no page sorts the keys or reads those before its cursor, so the
 * hundredth page of a 100,000-key list costs what the first does. Read from each engine's own
 * EXPLAIN: H2 says "index sorted"; PostgreSQL, told that sorting is as dear as it can be, still
 * finds a plan without a Sort node (so an index path in the list's order exists).
 */
class KeyPagePlansTest {
    private static final Instant DAY = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyPageQueryIsOneIndexRangeInOrder(String engine) {
        StoreAddress address = engine.equals("h2") ? new StoreAddress.Local(temp.resolve("store"))
                : new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        try (Database db = Database.create(address)) {
            db.inTransaction(cfg -> {
                List<KeyRepository.NewRow> rows = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    rows.add(new KeyRepository.NewRow("lookup" + i, "hash", "key " + i, null, null, PermissionSet.FULL,
                            "label", DAY, null, i % 3 == 0 ? null : DAY.plusSeconds(3600L * (i % 50))));
                }
                new KeyRepository(cfg.dsl()).insertAll(rows);
                return null;
            });
            List<String> problems = new ArrayList<>();
            for (KeySeek seek : seeks()) {
                for (KeyPageQueries.Query query : KeyPageQueries.of(seek)) {
                    String plan = plan(db, query, engine);
                    boolean inOrder = engine.equals("h2") ? plan.contains("/* index sorted */")
                            : !plan.contains("Sort") && plan.contains("Index");
                    if (!inOrder) {
                        problems.add(seek + "\n" + query.sql() + "\n" + plan);
                    }
                }
            }
            assertThat(problems).isEmpty();
        }
    }

    private static List<KeySeek> seeks() {
        List<KeySeek> seeks = new ArrayList<>();
        for (KeySeek.Order order : KeySeek.Order.values()) {
            seeks.add(new KeySeek(null, false, null, null, null, null, null, order, null, null, 11));
            seeks.add(new KeySeek(null, false, null, null, null, null, null, order, 700L, null, 11));
            seeks.add(new KeySeek(null, false, null, null, null, null, null, order, 700L, DAY.plusSeconds(7200), 11));
            seeks.add(new KeySeek(null, false, null, DAY, null, null, null, order, 700L, DAY.plusSeconds(7200), 11));
        }
        return seeks;
    }

    private static String plan(Database db, KeyPageQueries.Query query, String engine) {
        return db.inTransaction(cfg -> cfg.dsl().connectionResult(c -> {
            if (!engine.equals("h2")) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE api_key");
                    s.execute("SET LOCAL enable_sort = off");
                }
            }
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + query.sql())) {
                int i = 1;
                for (Object parameter : query.parameters()) {
                    explain.setObject(i++, parameter);
                }
                explain.setInt(i, 11);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }));
    }
}
