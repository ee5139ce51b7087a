package com.keydesk.store;

import com.keydesk.app.Main;
import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.testing.ChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The store's folder and file are the owner's alone from the moment they exist; an existing folder
 * is never loosened or tightened, only refused with the command that fixes it; H2 leaves no trace file.
 */
class OwnerOnlyTest {
    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeThat(temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
    }

    @Test
    void theStoreFileIsMadeEmptyAndOwnerOnlyBeforeH2WritesAByteAndH2WritesIntoIt() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("store"), OWNER_ONLY_FOLDER);
        OwnerOnly.createFile(Database.dataFile(folder));
        assertThat(Files.size(Database.dataFile(folder))).isZero();
        assertThat(mode(Database.dataFile(folder))).isEqualTo("rw-------");

        Files.delete(Database.dataFile(folder));
        Database.create(folder).close();

        assertThat(mode(Database.dataFile(folder))).isEqualTo("rw-------");
        assertThat(Files.size(Database.dataFile(folder))).isPositive();
    }

    /** Under umask 000 anything made without an explicit mode is world-writable: the store's folder and file are not. */
    @Test
    void initUnderAUmaskThatSharesEverythingStillMakesAnOwnerOnlyFolderAndFile() throws Exception {
        Path folder = temp.resolve("deep").resolve("store");
        Path control = temp.resolve("control");
        ProcessBuilder init = ChildJvm.builder(Main.class, Map.of("KEYDESK_PASSWORD", "correct horse battery staple"),
                "--data", folder.toString(), "init", "--site", "Acme", "--admin", "alice");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 000 && touch \"$0\" && exec \"$@\"",
                control.toString()));
        command.addAll(init.command());
        Process process = init.command(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        assertThat(mode(control)).as("the child ran under umask 000").isEqualTo("rw-rw-rw-");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(Database.dataFile(folder))).isEqualTo("rw-------");
        assertThat(names(folder)).containsExactly("keydesk.mv.db");
    }

    @Test
    void initRefusesAnExistingFolderOthersCanReadAndLeavesItsModeAsItWas() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> Database.create(folder))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessage("Other users can read the store folder " + folder + " (rwxr-xr-x); run 'chmod 700 "
                        + folder + "' and try again.");
        assertThat(mode(folder)).isEqualTo("rwxr-xr-x");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void initUsesAnExistingEmptyFolderOnlyItsOwnerCanUse() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("mine"), OWNER_ONLY_FOLDER);

        Database.create(folder).close();

        assertThat(Database.exists(folder)).isTrue();
    }

    @Test
    void openRefusesAStoreFolderOthersCanReadAndLeavesItsModeAsItWas() throws IOException {
        Path folder = temp.resolve("store");
        Database.create(folder).close();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessage("Other users can read the store folder " + folder + " (rwxr-x---); run 'chmod 700 "
                        + folder + "' and try again.");
        assertThat(mode(folder)).isEqualTo("rwxr-x---");
    }

    @Test
    void openRefusesAStoreFolderOthersCanWriteSayingTheyCanChangeIt() throws IOException {
        Path folder = temp.resolve("store");
        Database.create(folder).close();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx-w--w-"));

        assertThatThrownBy(() -> Database.open(folder)).hasMessageStartingWith("Other users can change the store folder");
    }

    @Test
    void openNarrowsAStoreFileAnOlderKeyDeskLeftReadableInsideItsOwnerOnlyFolder() throws IOException {
        Path folder = temp.resolve("store");
        Database.create(folder).close();
        Files.setPosixFilePermissions(Database.dataFile(folder), PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(folder).close();

        assertThat(mode(Database.dataFile(folder))).isEqualTo("rw-------");
    }

    @Test
    void aLinkToAnOwnerOnlyStoreFolderIsJudgedByTheFolderAndOpens() throws IOException {
        Path real = temp.resolve("moved-away");
        Database.create(real).close();
        Path link = Files.createSymbolicLink(temp.resolve("linked-back"), real);

        Database.open(link).close();

        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> Database.open(link)).hasMessageStartingWith("Other users can read the store folder " + link);
    }

    @Test
    void aStoreFileThatIsALinkIsRefused() throws IOException {
        Path elsewhere = temp.resolve("elsewhere");
        Database.create(elsewhere).close();
        Path folder = Files.createDirectory(temp.resolve("linked"), OWNER_ONLY_FOLDER);
        Files.createSymbolicLink(Database.dataFile(folder), Database.dataFile(elsewhere));

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a plain file");
    }

    @Test
    void anErrorInsideH2LeavesNoTraceFileBesideTheStore() throws IOException {
        Path folder = temp.resolve("store");
        try (Database db = Database.create(folder)) {
            assertThatThrownBy(() -> db.inTransaction(tx -> tx.dsl().execute("SELECT * FROM NO_SUCH_TABLE")))
                    .isInstanceOf(StoreException.class);
        }
        assertThat(names(folder)).containsExactly("keydesk.mv.db");

        // the control: the same error through H2's default settings writes keydesk.trace.db
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("keydesk") + ";IFEXISTS=TRUE",
                "keydesk", ""); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT * FROM NO_SUCH_TABLE")).isInstanceOf(SQLException.class);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(names(folder)).contains("keydesk.trace.db");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
