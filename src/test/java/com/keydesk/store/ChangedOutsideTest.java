package com.keydesk.store;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.keydesk.testing.OutsideEdit;
import com.keydesk.testing.OutsideEdit.FileState;
import com.keydesk.testing.TestStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.MetaType;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store file changed with an H2 client is refused before H2's SQL engine opens it: nothing it
 * carries runs (the marker its payload writes stays absent) and the file is left byte for byte as
 * it was. Each payload is also shown to run when H2 opens a copy of the same file directly, as
 * KeyDesk did before this check: without the check these tests would fail.
 */
class ChangedOutsideTest {
    @TempDir
    Path temp;
    private Path folder;
    private Path marker;

    @BeforeEach
    void aStoreInUse() {
        try (TestStore store = TestStore.in(temp)) {
            store.siteKey("Backup job");
            store.addUser("bob");
        }
        folder = temp.resolve("store");
        marker = temp.resolve("marker");
    }

    @Test
    void aJavaSourceTriggerIsRefusedBeforeItIsLoaded() throws IOException {
        // H2 compiles and runs a trigger's create() while it opens the file, before any SQL of KeyDesk's
        refusedWithNothingRun("holds a trigger EVIL", "SELECT 1",
                "CREATE TRIGGER EVIL BEFORE INSERT ON AUDIT_ENTRY AS $$org.h2.api.Trigger create() {"
                        + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\"); }"
                        + " catch (Exception e) { }"
                        + " return new org.h2.api.Trigger() { public void fire(java.sql.Connection c, Object[] o, Object[] n) { } }; } $$");
    }

    @Test
    void aJavaSourceAliasIsRefused() throws IOException {
        refusedWithNothingRun("holds a function alias MARK", "UPDATE AUDIT_HEAD SET LAST_SEQ = LAST_SEQ",
                "CREATE ALIAS MARK AS $$ boolean mark() {"
                        + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\"); }"
                        + " catch (Exception e) { } return true; } $$",
                "ALTER TABLE AUDIT_HEAD ADD CONSTRAINT EVIL CHECK (MARK())");
    }

    @Test
    void anAliasForAStaticJavaMethodIsRefused() throws IOException {
        refusedWithNothingRun("holds a function alias MARK", "UPDATE AUDIT_HEAD SET LAST_SEQ = LAST_SEQ",
                "CREATE ALIAS MARK FOR 'org.h2.store.fs.FileUtils.createFile'",
                "ALTER TABLE AUDIT_HEAD ADD CONSTRAINT EVIL CHECK (MARK('" + marker + "') IS NOT NULL)");
    }

    @Test
    void aCheckConstraintCallingFileWriteIsRefused() throws IOException {
        refusedWithNothingRun("holds a constraint EVIL", "UPDATE AUDIT_HEAD SET LAST_SEQ = LAST_SEQ",
                "ALTER TABLE AUDIT_HEAD ADD CONSTRAINT EVIL CHECK (FILE_WRITE(X'72616e', '" + marker + "') > 0)");
    }

    @Test
    void aKeyDeskConstraintRedefinedUnderItsOwnNameIsRefused() throws IOException {
        refusedWithNothingRun("holds a changed constraint SITE_IS_SINGLE", "UPDATE SITE SET NAME = NAME",
                "ALTER TABLE SITE DROP CONSTRAINT SITE_IS_SINGLE",
                "ALTER TABLE SITE ADD CONSTRAINT SITE_IS_SINGLE CHECK (FILE_WRITE(X'72616e', '" + marker + "') > 0)");
    }

    @Test
    void aColumnDefaultCallingFileWriteIsRefused() throws IOException {
        refusedWithNothingRun("holds a changed column APP_USER.DISPLAY_NAME",
                "INSERT INTO APP_USER (USERNAME, USERNAME_KEY, IS_ADMIN, ACTIVE, PASSWORD_HASH, CREATED_AT)"
                        + " VALUES ('carol', 'carol', FALSE, TRUE, 'x', CURRENT_TIMESTAMP)",
                "ALTER TABLE APP_USER ALTER COLUMN DISPLAY_NAME SET DEFAULT CAST(FILE_WRITE(X'72616e', '" + marker
                        + "') AS VARCHAR)");
    }

    @Test
    void anExtraDatabaseUserIsRefused() throws IOException {
        refused("holds a database user MALLORY", "CREATE USER MALLORY PASSWORD 'mallory' ADMIN");
    }

    @Test
    void aViewIsRefused() throws IOException {
        refused("holds a view KEY_VIEW", "CREATE VIEW KEY_VIEW AS SELECT * FROM API_KEY");
    }

    @Test
    void anExtraColumnIsRefused() throws IOException {
        refused("holds an extra column API_KEY.NOTE", "ALTER TABLE API_KEY ADD COLUMN NOTE VARCHAR(10)");
    }

    @Test
    void anExtraTableIsRefused() throws IOException {
        refused("holds a table EXTRA", "CREATE TABLE EXTRA (ID INT)");
    }

    @Test
    void anExtraIndexIsRefused() throws IOException {
        refused("holds an index EXTRA_BY_NAME", "CREATE INDEX EXTRA_BY_NAME ON API_KEY (NAME)");
    }

    @Test
    void aDroppedIndexIsRefused() throws IOException {
        refused("lacks the index API_KEY_EXPIRES_AT_ID", "DROP INDEX API_KEY_EXPIRES_AT_ID");
    }

    @Test
    void aPersistentSettingOutsideTheFewH2WritesIsRefused() throws IOException {
        refused("holds the setting ALLOW_LITERALS", "SET ALLOW_LITERALS NUMBERS");
    }

    @Test
    void aPageCacheSizeFromTheFileIsAllowedAndKeyDesksOwnIsSetAgainAtOpen() {
        // H2 stores CACHE_SIZE from KeyDesk's URL in the file; a size written there by anyone else is replaced
        OutsideEdit.run(folder, "SET CACHE_SIZE 4000000");

        try (Database db = Database.open(folder)) {
            Object cacheKb = db.autoCommitted(dsl -> dsl.fetchValue(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'"));
            assertThat(cacheKb).isEqualTo(Integer.toString(Database.PAGE_CACHE_KB));
        }
    }

    @Test
    void aRoleIsRefused() throws IOException {
        refused("holds a role AUDITOR", "CREATE ROLE AUDITOR");
    }

    @Test
    void aNameFromTheFileCannotWriteToTheTerminal() throws IOException {
        refused("holds a table EVIL?001b?2J?000a", "CREATE TABLE \"EVIL\u001b[2J\n\" (ID INT)");
    }

    @Test
    void aStorageTypeNamingAClassOfItsOwnIsRefusedBeforeTheClassIsLoaded() throws IOException {
        // H2's own reader instantiates every class its type registry names: a constructor the file chooses
        withFileOpenedByMVStore(store -> store.openMap("_", new MVMap.Builder<String, DataType<?>>()
                .keyType(StringDataType.INSTANCE).valueType(new MetaType<>(null, null)))
                .put("cafebabe", new ForeignStorageType()));
        System.setProperty(ForeignStorageType.MARKER, marker.toString());
        try {
            refusedWithNothingRun("holds the storage type com.keydesk.store.ForeignStorageType, which H2 does not write",
                    "SELECT 1");
        } finally {
            System.clearProperty(ForeignStorageType.MARKER);
        }
    }

    @Test
    void aPreparedTransactionWhichH2WouldDeserialiseIsRefused() throws IOException {
        withFileOpenedByMVStore(store -> store.openMap("openTransactions").put(7, new Object[] {1, "pending"}));

        refused("holds a prepared transaction");
    }

    @Test
    void aStoreWhoseHistoryNamesANewerVersionIsReportedAsNewerWhateverElseItHolds() {
        // as a newer KeyDesk's schema 9 would look: a table this program does not know, and its history row
        OutsideEdit.run(folder, "CREATE TABLE TEAM (ID INT PRIMARY KEY)",
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                        + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                        + " VALUES (99, '9', 'teams', 'SQL', 'V9__teams.sql', 1, 'keydesk', 0, TRUE)");
        FileState before = FileState.of(folder);

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.NEWER_VERSION))
                .hasMessage("The store in " + folder + " was written by a newer KeyDesk (schema 9, this program knows"
                        + " up to 8). Install the newer KeyDesk to use it.");
        assertThat(FileState.of(folder)).isEqualTo(before);
    }

    @Test
    void anH2DatabaseThatKeyDeskDidNotMakeIsNotAKeyDeskStore() throws IOException {
        Path other = Files.createDirectory(temp.resolve("other"), OwnerOnlyTest.OWNER_ONLY_FOLDER);
        OutsideEdit.run(createEmptyStoreFile(other), "CREATE TABLE NOTES (ID INT)");

        assertThatThrownBy(() -> Database.open(other))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageContaining("is not a KeyDesk store");
    }

    @Test
    void theUnchangedStoreStillOpens() {
        Database.open(folder).close();
    }

    private void withFileOpenedByMVStore(java.util.function.Consumer<MVStore> edit) {
        MVStore store = new MVStore.Builder().fileName(Database.dataFile(folder).toString()).open();
        try {
            edit.accept(store);
            store.commit();
        } finally {
            store.close();
        }
    }

    private static Path createEmptyStoreFile(Path folder) throws IOException {
        Files.createFile(Database.dataFile(folder));
        return folder;
    }

    private void refused(String what, String... edit) throws IOException {
        refusedWithNothingRun(what, null, edit);
    }

    /**
     * Edits the store, checks that Database.open refuses it with the one sentence, leaves the file
     * as it was and runs nothing; then, as the control, that H2 opening a copy directly (and doing
     * {@code fire}, a write KeyDesk does) runs the payload.
     */
    private void refusedWithNothingRun(String what, String fire, String... edit) throws IOException {
        if (edit.length > 0) {
            OutsideEdit.run(folder, edit);
        }
        Files.deleteIfExists(marker);   // some payloads already ran once while they were being added
        Path control = Files.createDirectory(temp.resolve("control"), OwnerOnlyTest.OWNER_ONLY_FOLDER);
        Files.copy(Database.dataFile(folder), Database.dataFile(control));
        FileState before = FileState.of(folder);
        List<Path> filesBefore = files(folder);

        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.CHANGED_OUTSIDE))
                .hasMessage("The store in " + folder + " was changed outside KeyDesk (it " + what
                        + "), so KeyDesk will not open it.");

        assertThat(marker).doesNotExist();
        assertThat(FileState.of(folder)).isEqualTo(before);
        assertThat(files(folder)).isEqualTo(filesBefore);

        if (fire != null) {
            OutsideEdit.run(control, fire);
            assertThat(marker).as("the control: H2 opening the file itself runs the payload").exists();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
