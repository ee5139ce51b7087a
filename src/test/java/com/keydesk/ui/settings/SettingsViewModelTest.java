package com.keydesk.ui.settings;

import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import com.keydesk.service.Session;
import com.keydesk.ui.FakeFilePicker;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    private final FakeFilePicker files = new FakeFilePicker();
    private final List<Site> siteChanges = new ArrayList<>();

    /** Remembers what it was asked to restore; the real sequence is tested through the app. */
    private static final class FakeRestorer implements StoreRestorer {
        Path restored;
        Throwable failWith;
        final List<Boolean> otherSiteConfirmations = new ArrayList<>();
        boolean otherSite;

        @Override
        public void restore(Session session, Path backup, boolean otherSiteConfirmed, Consumer<Throwable> onFailure) {
            restored = backup;
            otherSiteConfirmations.add(otherSiteConfirmed);
            if (otherSite && !otherSiteConfirmed) {
                onFailure.accept(new com.keydesk.domain.ConfirmationNeededException("This backup is of another site."));
            } else if (failWith != null) {
                onFailure.accept(failWith);
            }
        }

        /** Set to refuse every restore, as a team store does. */
        String refusal;

        @Override
        public String storeLocation() {
            return "/data/keydesk";
        }

        @Override
        public String whyNoRestore() {
            return refusal;
        }
    }

    private SettingsViewModel settings(UiFixture ui, UiPreferences prefs, FakeRestorer restorer) {
        SettingsViewModel vm = new SettingsViewModel(ui.admin(), prefs, files, restorer, siteChanges::add, ZoneOffset.UTC);
        vm.load();
        return vm;
    }

    @Test
    void theToggleChangesTheSiteSettingAndTellsTheWindow() {
        try (UiFixture ui = new UiFixture(dir)) {
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), new FakeRestorer());
            assertThat(vm.loadedProperty().get()).isTrue();
            assertThat(vm.usersCanCreateProperty().get()).isFalse();
            assertThat(siteChanges).isEmpty(); // loading is not a change
            vm.usersCanCreateProperty().set(true);
            assertThat(ui.store.services.site().site(ui.store.admin).usersCanCreateApiKeys()).isTrue();
            assertThat(siteChanges).singleElement().satisfies(s -> assertThat(s.usersCanCreateApiKeys()).isTrue());
            vm.usersCanCreateProperty().set(false);
            assertThat(ui.store.services.site().site(ui.store.admin).usersCanCreateApiKeys()).isFalse();
        }
    }

    @Test
    void theSiteWideSwitchAsksFirstAndADeclinedAnswerChangesNothing() {
        try (UiFixture ui = new UiFixture(dir)) {
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), new FakeRestorer());
            ui.dialogs.answer = false;
            vm.usersCanCreateProperty().set(true);
            assertThat(ui.dialogs.last().heading()).isEqualTo("Let every user create their own API keys?");
            assertThat(vm.usersCanCreateProperty().get()).isFalse();
            assertThat(ui.store.services.site().site(ui.store.admin).usersCanCreateApiKeys()).isFalse();
            assertThat(siteChanges).isEmpty();
            assertThat(vm.settingStatusProperty().get()).isEmpty();

            ui.dialogs.answer = true;
            vm.usersCanCreateProperty().set(true);
            assertThat(ui.store.services.site().site(ui.store.admin).usersCanCreateApiKeys()).isTrue();
            assertThat(vm.settingStatusProperty().get())
                    .isEqualTo("Saved: users who are not administrators may now create and manage their own keys.");
        }
    }

    @Test
    void aTypedClipboardTimeOutsideTheRangeIsExplainedAndKept() {
        try (UiFixture ui = new UiFixture(dir)) {
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), new FakeRestorer());
            assertThat(vm.typedClearSeconds("2")).isEqualTo(30);
            assertThat(vm.clearSecondsErrorProperty().get())
                    .isEqualTo("The clipboard time must be a whole number of seconds from 5 to 300, not “2”; it stays at 30 seconds.");
            assertThat(vm.typedClearSeconds(" ")).isEqualTo(30);
            assertThat(vm.clearSecondsErrorProperty().get())
                    .isEqualTo("The clipboard time must be a whole number of seconds from 5 to 300; it stays at 30 seconds.");
            assertThat(vm.typedClearSeconds(" 60 ")).isEqualTo(60);
            assertThat(vm.clearSecondsProperty().get()).isEqualTo(60);
            assertThat(vm.clearSecondsErrorProperty().get()).isEmpty();
        }
    }

    @Test
    void aRefusedChangeIsUndoneAndExplained() {
        try (UiFixture ui = new UiFixture(dir)) {
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), new FakeRestorer());
            ui.store.addUser("bob");
            // bob was demoted in another window: the service refuses and the toggle goes back
            var sneaky = new SettingsViewModel(ui.as(ui.store.services.auth().signIn("bob", "bob password 123".toCharArray())),
                    UiPreferences.inMemory(), files, new FakeRestorer(), siteChanges::add, ZoneOffset.UTC);
            sneaky.usersCanCreateProperty().set(true);
            assertThat(sneaky.usersCanCreateProperty().get()).isFalse();
            assertThat(sneaky.settingErrorProperty().get()).isEqualTo("Only a site administrator may do this.");
            assertThat(vm.usersCanCreateProperty().get()).isFalse();
        }
    }

    @Test
    void theDefaultPermissionSetIsSavedWhenChosenAndSaidSo() {
        try (UiFixture ui = new UiFixture(dir)) {
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), new FakeRestorer());
            assertThat(vm.defaultPermissionProperty().get()).isEqualTo(PermissionSet.FILES_ONLY);
            assertThat(vm.permissionChoices()).doesNotContain(PermissionSet.NONE);

            vm.defaultPermissionProperty().set(PermissionSet.SYNC_APP);

            assertThat(ui.store.services.site().site(ui.store.admin).defaultPermissionSet()).isEqualTo(PermissionSet.SYNC_APP);
            assertThat(vm.settingStatusProperty().get())
                    .isEqualTo("Saved: new user keys get Sync app (sync_app) unless another set is chosen.");
            assertThat(siteChanges).singleElement().satisfies(s -> assertThat(s.defaultPermissionSet())
                    .isEqualTo(PermissionSet.SYNC_APP));
        }
    }

    @Test
    void theMaximumLifetimeIsAppliedWithItsButtonOnlyWhenChanged() {
        try (UiFixture ui = new UiFixture(dir)) {
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), new FakeRestorer());
            assertThat(vm.limitLifetimeProperty().get()).isFalse();
            assertThat(vm.maxLifetimeChangedProperty().get()).isFalse();

            vm.limitLifetimeProperty().set(true);
            vm.maxLifetimeDaysProperty().set(30);
            assertThat(vm.maxLifetimeChangedProperty().get()).isTrue();
            assertThat(ui.store.services.site().site(ui.store.admin).maxKeyLifetimeDays()).isNull();   // not yet
            vm.applyMaxLifetime();

            assertThat(ui.store.services.site().site(ui.store.admin).maxKeyLifetimeDays()).isEqualTo(30);
            assertThat(vm.maxLifetimeChangedProperty().get()).isFalse();
            assertThat(vm.settingStatusProperty().get()).isEqualTo("Saved: keys made by users expire within 30 days.");

            vm.limitLifetimeProperty().set(false);
            vm.applyMaxLifetime();
            assertThat(ui.store.services.site().site(ui.store.admin).maxKeyLifetimeDays()).isNull();
            assertThat(vm.settingStatusProperty().get()).isEqualTo("Saved: keys made by users need not expire.");
        }
    }

    @Test
    void clipboardTimeAndThemeAreThisComputersPreferences() {
        try (UiFixture ui = new UiFixture(dir)) {
            UiPreferences prefs = UiPreferences.inMemory();
            SettingsViewModel vm = settings(ui, prefs, new FakeRestorer());
            vm.clearSecondsProperty().set(45);
            assertThat(prefs.clipboardClearDelay()).hasSeconds(45);
            vm.darkThemeProperty().set(true);
            assertThat(prefs.darkThemeProperty().get()).isTrue();
        }
    }

    @Test
    void backupWritesWhereThePersonChoseAndSaysSo() throws Exception {
        try (UiFixture ui = new UiFixture(dir)) {
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), new FakeRestorer());
            Path target = dir.resolve("backup.zip");
            files.backupTarget = target;
            vm.backup();
            assertThat(files.suggestedName).isEqualTo("keydesk-backup-2026-06-01.zip");
            assertThat(Files.size(target)).isPositive();
            assertThat(vm.backupStatusProperty().get()).startsWith("Backed up the store to " + target);
            assertThat(ui.confirmations.shown()).containsExactly("Backup written");
            vm.backup();
            assertThat(vm.backupErrorProperty().get()).contains("already exists");
            assertThat(ui.confirmations.shown()).as("a failed backup is not confirmed").hasSize(1);
        }
    }

    @Test
    void cancellingTheChooserDoesNothing() {
        try (UiFixture ui = new UiFixture(dir)) {
            FakeRestorer restorer = new FakeRestorer();
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), restorer);
            vm.backup();
            vm.restore();
            assertThat(vm.backupStatusProperty().get()).isEmpty();
            assertThat(restorer.restored).isNull();
            assertThat(ui.dialogs.asked).isEmpty();
        }
    }

    @Test
    void restoreConfirmsThatTheCurrentStoreIsKeptThenHandsOver() {
        try (UiFixture ui = new UiFixture(dir)) {
            FakeRestorer restorer = new FakeRestorer();
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), restorer);
            files.backupToRestore = dir.resolve("old.zip");
            ui.dialogs.answer = false;
            vm.restore();
            assertThat(ui.dialogs.last().sentence()).contains("/data/keydesk").contains("old.zip")
                    .contains("current store file is kept beside it");
            assertThat(restorer.restored).isNull();
            ui.dialogs.answer = true;
            restorer.failWith = new com.keydesk.domain.ValidationException("file", "x is not a KeyDesk backup.");
            vm.restore();
            assertThat(restorer.restored).isEqualTo(dir.resolve("old.zip"));
            assertThat(vm.backupErrorProperty().get()).isEqualTo("x is not a KeyDesk backup.");
            assertThat(vm.busyProperty().get()).isFalse();
        }
    }

    @Test
    void aTeamStoreIsNeverRestoredOverAndTheSentenceSaysWhatToDoInstead() {
        try (UiFixture ui = new UiFixture(dir)) {
            FakeRestorer restorer = new FakeRestorer();
            restorer.refusal = "A team store is not restored over.";
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), restorer);
            files.backupToRestore = dir.resolve("old.zip");

            vm.restore();

            assertThat(vm.backupErrorProperty().get()).isEqualTo("A team store is not restored over.");
            assertThat(ui.dialogs.asked).as("nothing to choose, nothing to confirm").isEmpty();
            assertThat(restorer.restored).isNull();
        }
    }

    @Test
    void aBackupOfAnotherSiteNeedsASecondConfirmationThatSaysSo() {
        try (UiFixture ui = new UiFixture(dir)) {
            FakeRestorer restorer = new FakeRestorer();
            restorer.otherSite = true;
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), restorer);
            files.backupToRestore = dir.resolve("other.zip");
            ui.dialogs.answer = true;
            vm.restore();
            assertThat(ui.dialogs.asked).hasSize(2);
            assertThat(ui.dialogs.last().sentence()).isEqualTo("This backup is of another site.");
            assertThat(restorer.otherSiteConfirmations).containsExactly(false, true);
            assertThat(vm.backupErrorProperty().get()).isEmpty();
        }
    }

    @Test
    void refusingTheSecondConfirmationRestoresNothing() {
        try (UiFixture ui = new UiFixture(dir)) {
            FakeRestorer restorer = new FakeRestorer();
            restorer.otherSite = true;
            SettingsViewModel vm = settings(ui, UiPreferences.inMemory(), restorer);
            files.backupToRestore = dir.resolve("other.zip");
            ui.dialogs.answer = true;
            ui.dialogs.answers = new java.util.ArrayDeque<>(List.of(true, false));
            vm.restore();
            assertThat(restorer.otherSiteConfirmations).containsExactly(false);
            assertThat(vm.busyProperty().get()).isFalse();
        }
    }
}
