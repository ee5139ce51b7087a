package com.keydesk.store;

import com.keydesk.testing.ChildJvm;
import com.keydesk.testing.HoldStore;
import java.util.List;
import java.util.Map;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Opening and creating stores, on the engine {@link TestEngine} names. The tests about the H2 file
 * and its folder run on H2 only; their team-store counterparts (an empty or foreign database, a
 * second process) on PostgreSQL only.
 */
class DatabaseTest {
    @TempDir
    Path temp;

    @Test
    void openingAFolderWithoutAStoreFailsAndCreatesNothing() {
        TestEngine.assumeH2("a missing store folder");
        Path folder = temp.resolve("nothing-here");

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.MISSING);
        assertThat(folder).doesNotExist();
    }

    @Test
    void openingAnEmptyFolderFailsAndLeavesItEmpty() throws IOException {
        TestEngine.assumeH2("an empty store folder (on PostgreSQL: openingAnEmptyDatabaseFailsAndLeavesItEmpty)");
        Path folder = Files.createDirectory(temp.resolve("empty"));

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.MISSING);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void openingAnEmptyDatabaseFailsAndLeavesItEmpty() {
        assumeTeamStore("an empty PostgreSQL database");
        StoreAddress empty = TestStore.newAddress(temp);

        assertThatThrownBy(() -> Database.open(empty))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.MISSING);
        assertThat(Database.exists(empty)).isFalse();
        assertThat(userTables(empty)).isEqualTo("0");
    }

    @Test
    void aForeignDatabaseIsNeitherOpenedNorMadeAStoreAndIsLeftAsItIs() {
        assumeTeamStore("a PostgreSQL database of another program");
        StoreAddress foreign = TestStore.newAddress(temp);
        PgCluster.get().psql(database(foreign), "create table invoices(id int primary key); insert into invoices values (7)");

        for (var attempt : List.<Runnable>of(() -> Database.open(foreign).close(), () -> Database.create(foreign).close())) {
            assertThatThrownBy(attempt::run)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is not a KeyDesk store")
                    .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.UNREADABLE);
        }
        assertThat(userTables(foreign)).isEqualTo("1");
        assertThat(PgCluster.get().psql(database(foreign), "select id from invoices")).isEqualTo("7");
    }

    @Test
    void missingStoreMessageSaysHowToMakeOne() {
        StoreAddress nothing = TestEngine.postgresql() ? TestStore.newAddress(temp)
                : new StoreAddress.Local(temp.resolve("absent"));
        assertThatThrownBy(() -> Database.open(nothing))
                .hasMessageContaining("keydesk init");
    }

    @Test
    void createThenOpenFindsTheStore() {
        StoreAddress address = TestStore.newAddress(temp);
        Database.create(address).close();

        assertThat(Database.exists(address)).isTrue();
        try (Database db = Database.open(address)) {
            assertThat(db.address()).isEqualTo(address);
            assertThat(db.isTeamStore()).isEqualTo(TestEngine.postgresql());
        }
    }

    @Test
    void creatingTwiceIsRefused() {
        StoreAddress address = TestStore.newAddress(temp);
        Database.create(address).close();

        assertThatThrownBy(() -> Database.create(address))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.ALREADY_EXISTS);
    }

    @Test
    void creatingOverAnOpenStoreIsRefused() {
        StoreAddress address = TestStore.newAddress(temp);
        try (Database ignored = Database.create(address)) {
            assertThatThrownBy(() -> Database.create(address))
                    .isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.ALREADY_EXISTS);
        }
    }

    @Test
    void storeFolderIsReadableOnlyByItsOwner() throws IOException {
        TestEngine.assumeH2("the mode of the store folder");
        assumeThat(temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path folder = temp.resolve("store");
        Database.create(folder).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void storeOpenInAnotherProcessIsReportedAsInUse() throws Exception {
        TestEngine.assumeH2("one process holds the H2 file (a team store is shared: aTeamStoreIsOpenInTwoProcessesAtOnce)");
        Path folder = temp.resolve("store");
        try (TestStore store = TestStore.in(temp)) {
            store.siteKey("survives the second copy");
        }
        // H2 shares one open database between connections of the same JVM, so a second copy
        // of the app can only be another process.
        Process holder = ChildJvm.builder(HoldStore.class, Map.of(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");

            assertThatThrownBy(() -> Database.open(folder))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> {
                        assertThat(((StoreException) e).reason()).isEqualTo(Reason.IN_USE);
                        assertThat(e.getMessage()).contains("in use by another KeyDesk process");
                    });
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(60, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(holder.exitValue()).isZero();

        // the refused second copy left the store whole
        try (Database db = Database.open(folder)) {
            long keys = db.inTransaction(cfg -> cfg.dsl().fetchCount(com.keydesk.store.generated.Tables.API_KEY));
            assertThat(keys).isEqualTo(1);
        }
    }

    @Test
    void aTeamStoreIsOpenInTwoProcessesAtOnce() throws Exception {
        assumeTeamStore("sharing a team store between processes");
        StoreAddress address;
        try (TestStore store = TestStore.in(temp)) {
            store.siteKey("seen by both");
            address = store.db.address();
        }
        Process holder = ChildJvm.builder(HoldStore.class, Map.of(), address.display())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");

            try (TestStore again = TestStore.reopen(temp)) {
                again.siteKey("made while the other process has it open");
                assertThat(again.services.keys().list(again.admin)).hasSize(2);
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(60, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(holder.exitValue()).isZero();
    }

    @Test
    void storeWrittenByANewerKeyDeskIsRefused() throws SQLException {
        StoreAddress address = TestStore.newAddress(temp);
        Database.create(address).close();
        try (Connection c = rawConnection(address); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'keydesk', 0, TRUE)");
        }

        assertThatThrownBy(() -> Database.open(address))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> {
                    assertThat(((StoreException) e).reason()).isEqualTo(Reason.NEWER_VERSION);
                    assertThat(e.getMessage()).contains("newer KeyDesk");
                });
        // refused, not "repaired": the newer version row is still there
        try (Connection c = rawConnection(address);
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(999);
        }
    }

    @Test
    void aFileThatIsNotAStoreIsReportedAsUnreadable() throws IOException {
        TestEngine.assumeH2("a store file that is not H2's (on PostgreSQL: aForeignDatabaseIsNeitherOpenedNorMadeAStoreAndIsLeftAsItIs)");
        Path folder = Files.createDirectory(temp.resolve("garbage"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.write(Database.dataFile(folder), "this is not an H2 file".repeat(1000).getBytes(StandardCharsets.UTF_8));
        byte[] before = Files.readAllBytes(Database.dataFile(folder));

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .hasMessage("The file " + Database.dataFile(folder) + " is not a KeyDesk store this program can read,"
                        + " or it is damaged. It was left as it is.")
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(Files.readAllBytes(Database.dataFile(folder))).isEqualTo(before);
    }

    @Test
    void committedChangesArePersistedWhenTheStoreIsReopened() {
        try (TestStore store = TestStore.in(temp)) {
            store.siteKey("kept");
        }
        try (Database db = Database.open(TestStore.address(temp))) {
            String name = db.inTransaction(cfg -> cfg.dsl().select(com.keydesk.store.generated.Tables.API_KEY.NAME)
                    .from(com.keydesk.store.generated.Tables.API_KEY).fetchOne().value1());
            assertThat(name).isEqualTo("kept");
        }
        if (TestEngine.postgresql()) {
            return;
        }
        try (Stream<Path> files = Files.list(temp.resolve("store"))) {
            assertThat(files).anyMatch(p -> p.getFileName().toString().equals("keydesk.mv.db"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assumeTeamStore(String what) {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestEngine.postgresql(), () -> "PostgreSQL only: " + what);
    }

    private static String database(StoreAddress address) {
        return ((TeamStore) address).address().database();
    }

    private static String userTables(StoreAddress address) {
        return PgCluster.get().psql(database(address),
                "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')");
    }

    /** The store's database as anyone with a database client could reach it: plain SQL, no KeyDesk. */
    private static Connection rawConnection(StoreAddress address) throws SQLException {
        return switch (address) {
            case StoreAddress.Local local -> DriverManager.getConnection(Database.url(local.folder()), "keydesk", "");
            case TeamStore team -> PgCluster.get().connect(team.address().database());
        };
    }
}
