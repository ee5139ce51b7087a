package com.keydesk.store;

import com.keydesk.domain.KeyStatusFilter;
import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyTableQuery;
import com.keydesk.domain.KeyTableQuery.Order;
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
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A searched key table whose matches all sit far from the start of its order (a script's keys,
 * made together long ago, newest first) is read by finding the matches through the search's
 * index, not by walking the order's index past every newer key: at a million keys the walk took
 * 0.8 s a keystroke. A search whose matches are common at the start keeps the walk, which stops
 * after one page. Both give the same rows, on both engines.
 */
class KeyTablePagesStrategyTest {
    private static final Instant DAY = Instant.parse("2030-01-01T00:00:00Z");
    private static final int OLD = 2_000;
    private static final int KEYS = 10_000;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void matchesFarFromTheStartOfTheOrderAreFoundThroughTheSearchAndCommonOnesInOrder(String engine) {
        StoreAddress address = engine.equals("h2") ? new StoreAddress.Local(temp.resolve("store"))
                : new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        try (Database db = Database.create(address)) {
            for (int from = 1; from <= KEYS; from += 1_000) {   // one statement's parameters are bounded
                int start = from;
                db.inTransaction(cfg -> {
                    List<KeyRepository.NewRow> rows = new ArrayList<>();
                    for (int i = start; i < start + 1_000; i++) {
                        String name = (i <= OLD ? "Old batch " : "New batch ") + i;
                        rows.add(new KeyRepository.NewRow("lookup" + i, "hash", name, null, null, PermissionSet.FULL,
                                "label", DAY.plusSeconds(i), null, null));
                    }
                    new KeyRepository(cfg.dsl()).insertAll(rows);
                    return null;
                });
            }
            analyze(db, engine);
            List<Long> ids = ids(db, query("", Order.NEWEST), KEYS);
            long first = ids.getLast();   // the oldest key's id; the store numbers them in insertion order

            KeyTableQuery oldNewestFirst = query("old", Order.NEWEST);
            KeyTablePages.Picked old = picked(db, oldNewestFirst);
            assertThat(old.matchesFirst()).as("none of the newest keys is an old one").isTrue();
            String plan = plan(db, old, engine);
            assertThat(plan).as("not by walking the newest keys").doesNotContainIgnoringCase(engine.equals("h2") ? "PRIMARY_KEY" : "api_key_pkey");
            if (engine.equals("h2")) {   // PostgreSQL reads 10,000 rows whole, as it may: its estimate, not the order, decides
                assertThat(plan).as("the old ones found through the name index").containsIgnoringCase("api_key_name_fold_owner_id");
            }
            assertThat(ids(db, oldNewestFirst, 200))
                    .isEqualTo(LongStream.iterate(first + OLD - 1, id -> id - 1).limit(200).boxed().toList());

            KeyTableQuery newNewestFirst = query("new", Order.NEWEST);
            KeyTablePages.Picked common = picked(db, newNewestFirst);
            assertThat(common.matchesFirst()).as("every newest key is a new one").isFalse();
            String inOrder = plan(db, common, engine);
            if (engine.equals("h2")) {
                assertThat(inOrder).as("the newest keys read in order, not 8,000 matches sorted").contains("/* index sorted */");
            } else {
                assertThat(inOrder).as("the newest keys read in order, not 8,000 matches sorted").doesNotContain("Sort");
            }
            assertThat(ids(db, newNewestFirst, 200)).isEqualTo(ids.subList(0, 200));

            assertThat(picked(db, query("old", Order.NAME)).matchesFirst())
                    .as("by name the new batch comes first: N before O").isTrue();
            assertThat(picked(db, query("new", Order.NAME)).matchesFirst()).isFalse();
            assertThat(picked(db, query("", Order.NAME)).matchesFirst()).as("nothing searched: every key matches").isFalse();
            assertThat(ids(db, query("old", Order.NAME), 3)).as("natural order: 1, 2, 3")
                    .containsExactly(first, first + 1, first + 2);
        }
    }

    private static KeyTableQuery query(String search, Order order) {
        return new KeyTableQuery(null, search, KeyStatusFilter.ALL, order, false);
    }

    private static KeyTablePages.Picked picked(Database db, KeyTableQuery query) {
        return db.inTransaction(cfg -> new KeyTablePages(cfg.dsl(), null, query, DAY).picked(200));
    }

    private static List<Long> ids(Database db, KeyTableQuery query, int limit) {
        return db.inTransaction(cfg -> new KeyTablePages(cfg.dsl(), null, query, DAY).page(0, limit, KeySummary::id));
    }

    private static void analyze(Database db, String engine) {
        db.inTransaction(cfg -> cfg.dsl().connectionResult(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(engine.equals("h2") ? "ANALYZE" : "ANALYZE api_key");
            }
            return null;
        }));
    }

    private static String plan(Database db, KeyTablePages.Picked picked, String engine) {
        return db.inTransaction(cfg -> cfg.dsl().connectionResult(c -> {
            try (PreparedStatement explain = KeyTablePages.prepare(c, "EXPLAIN " + picked.sql(), picked.parameters());
                 ResultSet rows = explain.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            }
        }));
    }
}
