package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.ConfirmationNeededException;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.Database;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backup and restore through the one service procedure both front ends use. */
class BackupRestoreProcedureTest {
    @TempDir
    Path dir;
    private TestStore store;
    private Path folder;
    private Database reopened;

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
        folder = dir.resolve("store");
    }

    @AfterEach
    void tearDown() {
        store.close();
        if (reopened != null) {
            reopened.close();
        }
    }

    private record State(List<ApiKey> keys, List<User> users, com.keydesk.domain.Site site) {
    }

    private static State state(Services services, Session admin) {
        return new State(services.keys().list(admin), services.users().list(admin), services.site().site(admin));
    }

    /**
     * Restoring in place replaces the H2 file and keeps the previous one beside it; a team store is
     * only ever restored into an empty database (TeamStoreRestoreTest), so these run on H2 alone.
     * Making backups runs on both engines.
     */
    private static void assumeLocalStore() {
        TestEngine.assumeH2("restoring in place over the store file (a team store: TeamStoreRestoreTest)");
    }

    private Path backup(String name) {
        Path file = dir.resolve(name);
        store.services.backups().backup(store.admin, file);
        return file;
    }

    private StoreRestore.Outcome restore(Path zip, boolean otherSite) {
        return new StoreRestore(folder, store.clock).restore(store.services, store.admin, zip, otherSite, store.db::close);
    }

    private Services reopen() {
        reopened = Database.open(folder);
        return Services.over(reopened, TestStore.CHEAP, store.clock, new SecureRandom());
    }

    private List<String> folderListing() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRestoredStoreHasTheSameUsersSettingsAndKeysAndItsKeysStillVerify() throws Exception {
        assumeLocalStore();
        store.addUser("bob");
        store.allowUsersToCreateKeys(true);
        store.services.site().setDefaultPermissionSet(store.admin, PermissionSet.DESKTOP_APP);
        store.services.site().setMaxKeyLifetimeDays(store.admin, 45);
        IssuedKey site = store.siteKey("Deploy");
        IssuedKey bobs = store.services.keys().create(store.admin, NewKey.forUser("bob", "Sync", "line one\nline two",
                PermissionSet.SYNC_APP, store.clock.instant().plus(Duration.ofDays(30))));
        IssuedKey disabled = store.siteKey("Old job");
        store.services.keys().disable(store.admin, disabled.key().id());
        // a revoked key's entry records the row as removed: a backup holding one must restore too
        store.services.keys().revoke(store.admin, store.siteKey("Revoked before the backup").key().id());
        store.services.verifier().verify(site.secret().reveal());
        State before = state(store.services, store.admin);
        Path zip = backup("b.zip");

        store.services.keys().revoke(store.admin, site.key().id());
        IssuedKey later = store.siteKey("Made after the backup");
        StoreRestore.Outcome outcome = restore(zip, false);

        assertThat(outcome.keptAside().getFileName().toString()).startsWith("keydesk.mv.db.before-restore-");
        Services restored = reopen();
        Session admin = restored.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
        assertThat(state(restored, admin)).isEqualTo(before);
        assertThat(before.site().defaultPermissionSet()).isEqualTo(PermissionSet.DESKTOP_APP);
        assertThat(before.site().maxKeyLifetimeDays()).isEqualTo(45);
        assertThat(restored.verifier().verify(site.secret().reveal()).id()).isEqualTo(site.key().id());
        assertThat(restored.verifier().verify(bobs.secret().reveal()).id()).isEqualTo(bobs.key().id());
        assertThatThrownBy(() -> restored.verifier().verify(later.secret().reveal()))
                .isInstanceOf(com.keydesk.domain.KeyRejectedException.class);
        AuditVerification verified = restored.audit().verify(admin);
        assertThat(verified.intact()).as(verified.message()).isTrue();
        assertThat(restored.audit().entries(admin).getLast().action()).isEqualTo("store.restored");
        // ids go on after the restored ones: a new key does not collide with a restored one
        IssuedKey fresh = restored.keys().create(admin, NewKey.site("New", null, null));
        assertThat(fresh.key().id()).isGreaterThan(disabled.key().id());
        assertThat(folderListing()).noneMatch(n -> n.startsWith(".restore-"));
    }

    @Test
    void theBackupFileIsOwnerOnlyAndAnExistingFileIsNeverOverwritten() throws Exception {
        Path zip = backup("b.zip");
        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] first = Files.readAllBytes(zip);
        store.siteKey("Another");
        assertThatThrownBy(() -> backup("b.zip")).isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(zip)).isEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void theBackupHoldsExactlyTheFilesOfTheFormatAndNoSecret() throws Exception {
        IssuedKey key = store.siteKey("Secret holder");
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        assertThat(entries.keySet()).containsExactly("site.jsonl", "users.jsonl", "keys.jsonl", "audit.jsonl", "manifest.json");
        String secretPart = key.secret().reveal().substring(17, 60);
        entries.values().forEach(text -> assertThat(text).doesNotContain(secretPart).doesNotContain(TestStore.ADMIN_PASSWORD));
        assertThat(entries.get("manifest.json")).contains("\"format\":\"keydesk-backup\"").contains("\"schema_version\":8")
                .contains("\"site_identity\":\"" + store.services.audit().entries(store.admin).getFirst().entryHash() + "\"");
    }

    @Test
    void aUserMadeAdministratorInTheBackupIsRefused() throws Exception {
        assumeLocalStore();
        store.addUser("mallory");
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("users.jsonl", entries.get("users.jsonl").replace(
                "\"username\":\"mallory\",\"username_key\":\"mallory\",\"display_name\":null,\"is_admin\":false",
                "\"username\":\"mallory\",\"username_key\":\"mallory\",\"display_name\":null,\"is_admin\":true"));
        assertThat(entries.get("users.jsonl")).contains("\"mallory\",\"display_name\":null,\"is_admin\":true");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("edited.zip"), entries), "users.jsonl does not match");
    }

    @Test
    void aSiteKeyGivenAnotherPermissionSetIsRefusedEvenWithTheChecksumsRedone() throws Exception {
        assumeLocalStore();
        store.siteKey("Deploy");
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("keys.jsonl", entries.get("keys.jsonl").replace("\"permission_set\":\"full\"",
                "\"permission_set\":\"desktop_app\""));
        BackupZips.resum(entries, "keys.jsonl");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("edited.zip"), entries),
                "a site key's permission set is full or none");
    }

    @Test
    void aUserMadeAdministratorWithTheChecksumsRedoneIsCaughtByTheRowBinding() throws Exception {
        assumeLocalStore();
        store.addUser("mallory");
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("users.jsonl", entries.get("users.jsonl").replace(
                "\"username\":\"mallory\",\"username_key\":\"mallory\",\"display_name\":null,\"is_admin\":false",
                "\"username\":\"mallory\",\"username_key\":\"mallory\",\"display_name\":null,\"is_admin\":true"));
        BackupZips.resum(entries, "users.jsonl");
        // every rule of a row holds and the manifest agrees: only the audit chain's digest of the row can tell
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("edited.zip"), entries),
                "was changed outside KeyDesk");
    }

    @Test
    void aRewrittenAuditEntryIsRefused() throws Exception {
        assumeLocalStore();
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("audit.jsonl", entries.get("audit.jsonl").replace("administrator (first)", "administrator (second)"));
        BackupZips.resum(entries, "audit.jsonl");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("edited.zip"), entries), "was changed after it was written");
    }

    @Test
    void anAuditLogCutShortOfTheManifestsHeadIsRefused() throws Exception {
        assumeLocalStore();
        store.siteKey("One");
        store.siteKey("Two");
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        String audit = entries.get("audit.jsonl");
        String[] lines = audit.split("\n");
        entries.put("audit.jsonl", String.join("\n", List.of(lines).subList(0, lines.length - 1)) + "\n");
        BackupZips.resum(entries, "audit.jsonl");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("cut.zip"), entries),
                "does not end at the head its manifest records");
    }

    @Test
    void aBackupWithoutAnActiveAdministratorIsRefused() throws Exception {
        assumeLocalStore();
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("users.jsonl", entries.get("users.jsonl").replace("\"is_admin\":true,\"active\":true",
                "\"is_admin\":true,\"active\":false"));
        BackupZips.resum(entries, "users.jsonl");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("e.zip"), entries), "no active administrator");
    }

    @Test
    void anotherSitesBackupNeedsItsOwnConfirmation() throws Exception {
        assumeLocalStore();
        Path otherFolder = dir.resolve("other");
        StoreCreation.Created other = StoreCreation.create(otherFolder, "Other Co", "olga",
                "olga's long password".toCharArray(), db -> Services.over(db, TestStore.CHEAP, store.clock, new SecureRandom()));
        Path zip = dir.resolve("other.zip");
        other.services().backups().backup(other.session(), zip);
        other.db().close();
        List<String> before = folderListing();

        assertThatThrownBy(() -> restore(zip, false)).isInstanceOf(ConfirmationNeededException.class)
                .hasMessageContaining("another site, \"Other Co\"").hasMessageContaining("\"Acme\"");
        assertThat(folderListing()).isEqualTo(before);
        assertThat(store.services.site().site(store.admin).name()).isEqualTo("Acme");

        restore(zip, true);
        Services restored = reopen();
        Session olga = restored.auth().signIn("olga", "olga's long password".toCharArray());
        assertThat(restored.site().site(olga).name()).isEqualTo("Other Co");
    }

    @Test
    void aFailedRestoreLeavesTheCurrentStoreExactlyAsItWasAndNoStagingFiles() throws Exception {
        assumeLocalStore();
        store.siteKey("Kept");
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("keys.jsonl", entries.get("keys.jsonl").replace("\"name\":\"Kept\"", "\"name\":\"Kept\\u202e\""));
        BackupZips.resum(entries, "keys.jsonl");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("e.zip"), entries), "line 1 of keys.jsonl");
    }

    @Test
    void whenTheRestoredStoreCannotBePutInPlaceThePreviousOneIsPutBackAndTheMessageSaysSo() throws Exception {
        assumeLocalStore();
        IssuedKey kept = store.siteKey("Kept");
        Path zip = backup("b.zip");
        store.siteKey("After the backup");
        int[] moves = {0};
        StoreRestore failing = new StoreRestore(folder, store.clock, BackupFormat.Limits.STANDARD, (from, to) -> {
            if (++moves[0] == 2) {
                throw new java.io.IOException("simulated failure");
            }
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        });
        assertThatThrownBy(() -> failing.restore(store.services, store.admin, zip, false, store.db::close))
                .isInstanceOf(com.keydesk.domain.StoreException.class)
                .hasMessageContaining("simulated failure").hasMessageContaining("the previous store was put back");
        assertThat(folderListing()).containsExactly("keydesk.mv.db");
        Services previous = reopen();
        Session admin = previous.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
        assertThat(previous.keys().list(admin)).extracting(ApiKey::name).contains("Kept", "After the backup");
        assertThat(previous.verifier().verify(kept.secret().reveal()).id()).isEqualTo(kept.key().id());
        assertThat(previous.audit().entries(admin).getLast().action()).isEqualTo("store.restore_started");
    }

    @Test
    void aStagingFolderLeftByARestoreThatWasKilledIsRemovedByTheNext() throws Exception {
        assumeLocalStore();
        Path leftover = Files.createDirectories(folder.resolve(".restore-killed"));
        Files.writeString(leftover.resolve("keydesk.mv.db"), "half a store");
        restore(backup("b.zip"), false);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void creatingAStoreThatCannotBeFinishedLeavesNothingBehind() {
        assumeLocalStore();
        Path fresh = dir.resolve("fresh");
        assertThatThrownBy(() -> StoreCreation.create(fresh, "Site", "admin", "a long enough password".toCharArray(),
                db -> { throw new IllegalStateException("wiring failed"); })).hasMessage("wiring failed");
        assertThat(fresh).doesNotExist();
        assertThatThrownBy(() -> StoreCreation.create(fresh, "Site", "bad name!", "a long enough password".toCharArray(),
                db -> Services.over(db, TestStore.CHEAP, store.clock, new SecureRandom())))
                .isInstanceOf(ValidationException.class);
        assertThat(fresh).doesNotExist();
    }

    @Test
    void theSiteSettingsAreInTheSiteLine() throws Exception {
        store.services.site().setMaxKeyLifetimeDays(store.admin, 30);

        assertThat(BackupZips.read(backup("b.zip")).get("site.jsonl"))
                .contains("\"default_permission_set\":\"files_only\",\"max_key_lifetime_days\":30}");
    }

    /** A backup made before schema 5 has no site settings: it restores with the values V5 gives a store it migrates. */
    @Test
    void aBackupOfASchema4StoreRestoresWithTheFirstDefaults() throws Exception {
        assumeLocalStore();
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("site.jsonl", entries.get("site.jsonl")
                .replace(",\"default_permission_set\":\"files_only\",\"max_key_lifetime_days\":null", ""));
        entries.put("users.jsonl", entries.get("users.jsonl").replace(",\"must_change_password\":false", ""));
        entries.put("manifest.json", entries.get("manifest.json").replace("\"schema_version\":8", "\"schema_version\":4"));
        BackupZips.resum(entries, "site.jsonl");
        BackupZips.resum(entries, "users.jsonl");
        store.services.site().setMaxKeyLifetimeDays(store.admin, 9);

        restore(BackupZips.write(dir.resolve("v4.zip"), entries), false);

        Services restored = reopen();
        Session admin = restored.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
        assertThat(restored.site().site(admin).defaultPermissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(restored.site().site(admin).maxKeyLifetimeDays()).isNull();
        AuditVerification verified = restored.audit().verify(admin);
        assertThat(verified.intact()).as(verified.message()).isTrue();
    }

    @Test
    void aSchema5BackupWithoutTheSiteSettingsIsRefused() throws Exception {
        assumeLocalStore();
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("site.jsonl", entries.get("site.jsonl")
                .replace(",\"default_permission_set\":\"files_only\",\"max_key_lifetime_days\":null", ""));
        BackupZips.resum(entries, "site.jsonl");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("e.zip"), entries),
                "its site line does not carry the settings its schema version 8 has");
    }

    @Test
    void aSiteDefaultOfNoneIsRefused() throws Exception {
        assumeLocalStore();
        Map<String, String> entries = BackupZips.read(backup("b.zip"));
        entries.put("site.jsonl", entries.get("site.jsonl").replace("\"files_only\"", "\"none\""));
        BackupZips.resum(entries, "site.jsonl");
        assertRefusedAndNothingChanged(BackupZips.write(dir.resolve("e.zip"), entries),
                "default_permission_set is none");
    }

    /** Refused with the sentence, the store still open and unchanged, and no file left in its folder. */
    private void assertRefusedAndNothingChanged(Path zip, String because) throws Exception {
        State before = state(store.services, store.admin);
        long entries = store.services.audit().entries(store.admin).size();
        List<String> files = folderListing();
        assertThatThrownBy(() -> restore(zip, true)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("was refused").hasMessageContaining(because)
                .hasMessageEndingWith("Nothing was changed.");
        assertThat(folderListing()).isEqualTo(files);
        assertThat(state(store.services, store.admin)).isEqualTo(before);
        assertThat(store.services.audit().entries(store.admin)).hasSize((int) entries);
    }
}
