package com.keydesk.store;

import com.keydesk.testing.ChildJvm;
import com.keydesk.testing.HoldStore;
import java.util.Map;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
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

class DatabaseTest {
    @TempDir
    Path temp;

    @Test
    void openingAFolderWithoutAStoreFailsAndCreatesNothing() {
        Path folder = temp.resolve("nothing-here");

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.MISSING);
        assertThat(folder).doesNotExist();
    }

    @Test
    void openingAnEmptyFolderFailsAndLeavesItEmpty() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("empty"));

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.MISSING);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void missingStoreMessageSaysHowToMakeOne() {
        assertThatThrownBy(() -> Database.open(temp.resolve("absent")))
                .hasMessageContaining("keydesk init");
    }

    @Test
    void createThenOpenFindsTheStore() {
        Path folder = temp.resolve("store");
        Database.create(folder).close();

        assertThat(Database.exists(folder)).isTrue();
        try (Database db = Database.open(folder)) {
            assertThat(db.folder()).isEqualTo(folder);
        }
    }

    @Test
    void creatingTwiceIsRefused() {
        Path folder = temp.resolve("store");
        Database.create(folder).close();

        assertThatThrownBy(() -> Database.create(folder))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.ALREADY_EXISTS);
    }

    @Test
    void creatingOverAnOpenStoreIsRefused() {
        Path folder = temp.resolve("store");
        try (Database ignored = Database.create(folder)) {
            assertThatThrownBy(() -> Database.create(folder))
                    .isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).reason()).isEqualTo(Reason.ALREADY_EXISTS);
        }
    }

    @Test
    void storeFolderIsReadableOnlyByItsOwner() throws IOException {
        assumeThat(temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path folder = temp.resolve("store");
        Database.create(folder).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void storeOpenInAnotherProcessIsReportedAsInUse() throws Exception {
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
    void storeWrittenByANewerKeyDeskIsRefused() throws SQLException {
        Path folder = temp.resolve("store");
        Database.create(folder).close();
        try (Connection c = DriverManager.getConnection(Database.url(folder), "keydesk", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'keydesk', 0, TRUE)");
        }

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> {
                    assertThat(((StoreException) e).reason()).isEqualTo(Reason.NEWER_VERSION);
                    assertThat(e.getMessage()).contains("newer KeyDesk");
                });
        // refused, not "repaired": the newer version row is still there
        try (Connection c = DriverManager.getConnection(Database.url(folder), "keydesk", "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(999);
        }
    }

    @Test
    void aFileThatIsNotAStoreIsReportedAsUnreadable() throws IOException {
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
        Path folder = temp.resolve("store");
        try (TestStore store = TestStore.in(temp)) {
            store.siteKey("kept");
        }
        try (Database db = Database.open(folder)) {
            String name = db.inTransaction(cfg -> cfg.dsl().select(com.keydesk.store.generated.Tables.API_KEY.NAME)
                    .from(com.keydesk.store.generated.Tables.API_KEY).fetchOne().value1());
            assertThat(name).isEqualTo("kept");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).anyMatch(p -> p.getFileName().toString().equals("keydesk.mv.db"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
