package com.keydesk.store;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.testing.ChildJvm;
import com.keydesk.testing.HoldStore;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening a store skips Flyway only when its history lists exactly the bundled scripts; an older
 * store is still migrated, a newer one still refused, an altered one still reported.
 */
class SchemaHistoryTest {
    @TempDir
    Path temp;

    @Test
    void theBundledListIsWhatFlywayItselfFindsInTheProgram() {
        Flyway flyway = Flyway.configure().locations("classpath:db/migration")
                .dataSource("jdbc:h2:mem:schema-history-bundled", "sa", "").load();

        List<SchemaHistory.Script> resolved = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState().isResolved())
                .map(m -> new SchemaHistory.Script(m.getVersion().toString(), m.getScript(), m.getChecksum()))
                .toList();

        assertThat(SchemaHistory.BUNDLED).isEqualTo(resolved);
    }

    @Test
    void aStoreThisProgramMadeIsCurrent() throws SQLException {
        StoreAddress store = newStore();

        try (Connection c = connect(store)) {
            assertThat(SchemaHistory.isCurrent(c)).isTrue();
        }
    }

    @Test
    void anOlderStoreIsNotCurrentAndOpeningItMigratesIt() throws SQLException {
        StoreAddress store = newStore();
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            // as a store made before V3: no row digest, no V3 row
            makeItAStoreFromBeforeV3(s);
            assertThat(SchemaHistory.isCurrent(c)).isFalse();
        }

        Database.open(store).close();

        try (Connection c = connect(store); Statement s = c.createStatement()) {
            assertThat(SchemaHistory.isCurrent(c)).isTrue();
            try (ResultSet rs = s.executeQuery(TestEngine.postgresql()
                    ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'audit_entry_target_seq'"
                    : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'AUDIT_ENTRY_TARGET_SEQ'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void aNewerStoreIsNotCurrentAndIsStillRefused() throws SQLException {
        StoreAddress store = newStore();
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (9, '9', 'from the future', 'SQL', 'V9__from_the_future.sql', 9, 'keydesk', 0, TRUE)");
            assertThat(SchemaHistory.isCurrent(c)).isFalse();
        }

        assertThatThrownBy(() -> Database.open(store))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.NEWER_VERSION));
    }

    @Test
    void aStoreWhoseScriptWasAlteredIsNotCurrentAndIsStillRefused() throws SQLException {
        StoreAddress store = newStore();
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
            assertThat(SchemaHistory.isCurrent(c)).isFalse();
        }

        // Flyway's own validation, as before the shortcut: the store is not one this program can read
        assertThatThrownBy(() -> Database.open(store))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.UNREADABLE));
    }

    @Test
    void aFailedMigrationIsNotCurrent() throws SQLException {
        StoreAddress store = newStore();
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");

            assertThat(SchemaHistory.isCurrent(c)).isFalse();
        }
    }

    @Test
    void aDatabaseWithoutHistoryIsNotCurrent() throws SQLException {
        try (Connection c = TestEngine.postgresql() ? PgCluster.get().connect(PgCluster.databaseOf(PgCluster.get().newDatabase()))
                : DriverManager.getConnection("jdbc:h2:mem:schema-history-none", "sa", "")) {
            assertThat(SchemaHistory.isCurrent(c)).isFalse();
        }
    }

    /** The point of the shortcut, seen from a fresh JVM: a current store opens without loading Flyway at all. */
    @Test
    void openingACurrentStoreLoadsNoFlywayClassButOpeningAnOlderOneDoes() throws Exception {
        StoreAddress store = newStore();
        assertThat(flywayClassesLoadedWhileOpening(store, "current")).isZero();

        try (Connection c = connect(store); Statement s = c.createStatement()) {
            makeItAStoreFromBeforeV3(s);
        }
        assertThat(flywayClassesLoadedWhileOpening(store, "older")).isPositive();
    }

    private long flywayClassesLoadedWhileOpening(StoreAddress store, String name) throws Exception {
        Path log = temp.resolve(name + "-classes.log");
        Process holder = ChildJvm.builder(HoldStore.class, List.of("-Xlog:class+load=info:file=" + log), Map.of(),
                place(store)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(60, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(holder.exitValue()).isZero();
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" org.flywaydb.")).count();
        }
    }

    /** A new store on the engine under test (see {@link TestEngine}). */
    private StoreAddress newStore() {
        StoreAddress store = TestStore.newAddress(temp);
        Database.create(store).close();
        return store;
    }

    /** The store's database with a plain SQL client, no KeyDesk in between. */
    private static Connection connect(StoreAddress store) throws SQLException {
        return switch (store) {
            case StoreAddress.Local local -> DriverManager.getConnection(Database.url(local.folder()), "keydesk", "");
            case TeamStore team -> PgCluster.get().connect(team.address().database());
        };
    }

    /** How a command line names the store: its folder, or its postgresql:// address. */
    private static String place(StoreAddress store) {
        return switch (store) {
            case StoreAddress.Local local -> local.folder().toString();
            case TeamStore team -> team.display();
        };
    }

    /** Undoes V7, V6, V5, V4 and V3 by hand, as a store written by the KeyDesk before V3 looks. */
    private static void makeItAStoreFromBeforeV3(Statement s) throws SQLException {
        UndoV7.undo(s.getConnection());
        s.executeUpdate("ALTER TABLE app_user DROP COLUMN must_change_password");
        s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '6'");
        s.executeUpdate("ALTER TABLE site DROP CONSTRAINT site_max_key_lifetime_positive");
        s.executeUpdate("ALTER TABLE site DROP COLUMN max_key_lifetime_days");
        s.executeUpdate("ALTER TABLE site DROP COLUMN default_permission_set");
        s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '5'");
        s.executeUpdate("CREATE INDEX api_key_expires_at ON api_key(expires_at)");
        s.executeUpdate("DROP INDEX api_key_expires_at_id");
        s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '4'");
        s.executeUpdate("DROP INDEX audit_entry_target_seq");
        s.executeUpdate("ALTER TABLE audit_entry DROP COLUMN row_digest");
        s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '3'");
    }
}
