package com.keydesk.ui.keys;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.UiFixture;
import com.keydesk.ui.keys.details.KeyDetailsViewModel;
import com.keydesk.ui.keys.text.DisplayStatus;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTableViewModelTest {
    @TempDir
    Path dir;

    private KeyTableViewModel table(UiFixture ui, KeyScope scope) {
        KeyTableViewModel vm = new KeyTableViewModel(ui.admin(), scope, ui.keyDialogs, true,
                new SimpleBooleanProperty(true), ZoneOffset.UTC);
        vm.reload();
        return vm;
    }

    private void seed(UiFixture ui) {
        ui.store.addUser("bob");
        var keys = ui.store.services.keys();
        keys.create(ui.store.admin, NewKey.forUser("bob", "Backup job", "nightly copy to S3", PermissionSet.FILES_ONLY, null));
        keys.create(ui.store.admin, NewKey.forUser("alice", "Laptop sync", null, PermissionSet.SYNC_APP,
                ui.store.clock.instant().plus(Duration.ofDays(3))));
        ui.store.siteKey("CI deploy");
    }

    @Test
    void siteAndUserTablesSplitTheKeys() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            assertThat(table(ui, KeyScope.SITE_KEYS).rows()).extracting(KeyRow::name).containsExactly("CI deploy");
            assertThat(table(ui, KeyScope.USER_KEYS).rows()).extracting(KeyRow::name)
                    .containsExactlyInAnyOrder("Backup job", "Laptop sync");
        }
    }

    @Test
    void searchMatchesNameDescriptionLabelAndOwnerAndTheCountSaysSo() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            assertThat(vm.countProperty().get()).isEqualTo("2 keys");
            vm.searchProperty().set("BOB");
            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("Backup job");
            // a description word with its space: a random key label (letters and digits) can never hold it
            vm.searchProperty().set("to s3");
            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("Backup job");
            String label = vm.rows().stream().filter(r -> r.name().equals("Laptop sync")).findFirst().orElseThrow()
                    .label();
            vm.searchProperty().set(label.substring(label.length() - 4));
            assertThat(vm.visibleRows()).extracting(KeyRow::name).contains("Laptop sync");
            vm.searchProperty().set("lap");
            assertThat(vm.countProperty().get()).isEqualTo("1 of 2 keys");
        }
    }

    @Test
    void statusFilterShowsKeysExpiringWithinSevenDays() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            vm.statusFilterProperty().set(StatusFilter.EXPIRING_SOON);
            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("Laptop sync");
            vm.statusFilterProperty().set(StatusFilter.DISABLED);
            assertThat(vm.visibleRows()).isEmpty();
        }
    }

    @Test
    void anEmptyTableInvitesToCreateTheFirstKey() {
        try (UiFixture ui = new UiFixture(dir)) {
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            assertThat(vm.emptyProperty().get()).isTrue();
            assertThat(vm.canCreateProperty().get()).isTrue();
        }
    }

    @Test
    void bulkDisableConfirmsNamingTheCountThenEnableRestoresThePermissionSets() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            vm.selected().setAll(vm.rows());
            assertThat(vm.actions().toggleTextProperty().get()).isEqualTo("Disable");
            vm.actions().toggleEnabled();
            assertThat(ui.dialogs.last().heading()).isEqualTo("Disable 2 keys?");
            assertThat(vm.rows()).allMatch(r -> r.status() == DisplayStatus.DISABLED);

            vm.selected().setAll(vm.rows());
            assertThat(vm.actions().toggleTextProperty().get()).isEqualTo("Enable");
            vm.actions().toggleEnabled();
            assertThat(vm.rows()).extracting(KeyRow::permission).containsExactlyInAnyOrder("files_only", "sync_app");
        }
    }

    @Test
    void revokingASiteKeyAsksToTypeItsName() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.selected().setAll(vm.rows());
            ui.dialogs.answer = false;
            vm.actions().revoke();
            assertThat(ui.dialogs.last().kind()).isEqualTo("typed");
            assertThat(ui.dialogs.last().expected()).isEqualTo("CI deploy");
            assertThat(vm.rows()).hasSize(1);
            ui.dialogs.answer = true;
            vm.actions().revoke();
            assertThat(vm.rows()).isEmpty();
        }
    }

    @Test
    void replaceShowsTheNewSecretOnceAndKeepsTheName() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            KeyRow old = vm.rows().stream().filter(r -> r.name().equals("Backup job")).findFirst().orElseThrow();
            vm.selected().setAll(old);
            vm.actions().replace();
            assertThat(ui.dialogs.last().sentence()).contains("revokes").contains("Backup job");
            assertThat(ui.keyDialogs.copyNowShown).isEqualTo(1);
            assertThat(vm.rows()).extracting(KeyRow::name).contains("Backup job");
            assertThat(vm.rows()).noneMatch(r -> r.id() == old.id());
        }
    }

    /** Many keys whose names share prefixes, so narrowing and widening have something to do. */
    private KeyTableViewModel manyKeys(UiFixture ui) {
        ui.store.addUser("bob");
        var keys = ui.store.services.keys();
        for (int i = 0; i < 30; i++) {
            keys.create(ui.store.admin, NewKey.forUser(i % 2 == 0 ? "bob" : "alice", "Sync job " + i,
                    i % 3 == 0 ? "copies job" + i : null, PermissionSet.FULL, null));
        }
        return table(ui, KeyScope.USER_KEYS);
    }

    private static List<String> names(List<KeyRow> rows) {
        return rows.stream().map(KeyRow::name).toList();
    }

    @Test
    void typingThenDeletingGivesTheSameRowsAsAFreshSearchForEachText() {
        try (UiFixture ui = new UiFixture(dir)) {
            KeyTableViewModel typed = manyKeys(ui);
            KeyTableViewModel fresh = table(ui, KeyScope.USER_KEYS);
            String text = "Sync job 1";
            List<String> steps = new ArrayList<>();
            for (int n = 1; n <= text.length(); n++) {
                steps.add(text.substring(0, n));
            }
            for (int n = text.length() - 1; n >= 0; n--) {
                steps.add(text.substring(0, n));
            }
            steps.add("JOB2");   // not a longer version of the text before: looks at every row again
            for (String step : steps) {
                typed.searchProperty().set(step);
                fresh.searchProperty().set("");
                fresh.searchProperty().set(step);
                assertThat(names(typed.visibleRows())).as(step).isEqualTo(names(fresh.visibleRows()));
            }
            typed.searchProperty().set("sync job 1");
            assertThat(names(typed.visibleRows())).containsExactly("Sync job 19", "Sync job 18", "Sync job 17",
                    "Sync job 16", "Sync job 15", "Sync job 14", "Sync job 13", "Sync job 12", "Sync job 11",
                    "Sync job 10", "Sync job 1");
            typed.searchProperty().set("");
            assertThat(typed.visibleRows()).hasSize(30);
        }
    }

    @Test
    void aStatusChangeAfterASearchDoesNotNarrowFromTheOldStatus() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            vm.statusFilterProperty().set(StatusFilter.EXPIRING_SOON);
            vm.searchProperty().set("backup");
            assertThat(vm.visibleRows()).isEmpty();
            vm.statusFilterProperty().set(StatusFilter.ALL);
            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("Backup job");
        }
    }

    @Test
    void aSortedTableStaysSortedWhileFilteringAndNewestFirstWithoutASortOrder() {
        try (UiFixture ui = new UiFixture(dir)) {
            KeyTableViewModel vm = manyKeys(ui);
            vm.sortBy(Comparator.comparing(KeyRow::name));
            vm.searchProperty().set("job 2");
            assertThat(names(vm.visibleRows())).containsExactly("Sync job 2", "Sync job 20", "Sync job 21",
                    "Sync job 22", "Sync job 23", "Sync job 24", "Sync job 25", "Sync job 26", "Sync job 27",
                    "Sync job 28", "Sync job 29");
            vm.searchProperty().set("job 2");
            vm.sortBy(Comparator.comparing(KeyRow::name).reversed());
            assertThat(names(vm.visibleRows()).getFirst()).isEqualTo("Sync job 29");
            vm.sortBy(null);
            vm.searchProperty().set("");
            assertThat(names(vm.visibleRows()).getFirst()).isEqualTo("Sync job 29");
            assertThat(names(vm.visibleRows()).getLast()).isEqualTo("Sync job 0");
            vm.reload();
            vm.sortBy(Comparator.comparing(KeyRow::name));
            vm.reload();   // a reload keeps the table's order
            assertThat(names(vm.visibleRows()).getFirst()).isEqualTo("Sync job 0");
        }
    }

    @Test
    void aFilterKeepsTheSelectedKeysThatAreStillShownAndDropsTheOthers() {
        try (UiFixture ui = new UiFixture(dir)) {
            KeyTableViewModel vm = manyKeys(ui);
            vm.selected().setAll(vm.visibleRows().stream()
                    .filter(r -> r.name().equals("Sync job 3") || r.name().equals("Sync job 4")).toList());
            vm.searchProperty().set("job 3");
            assertThat(vm.selected()).extracting(KeyRow::name).containsExactly("Sync job 3");
            assertThat(vm.actions().canReplaceProperty().get()).isTrue();
            vm.searchProperty().set("");
            // A hidden key is not selected again when it comes back: bulk actions never touch what was hidden.
            assertThat(vm.selected()).extracting(KeyRow::name).containsExactly("Sync job 3");
            vm.searchProperty().set("nothing like this");
            assertThat(vm.selected()).isEmpty();
        }
    }

    @Test
    void disabledKeysStaySelectedAfterTheReloadSoTheyCanBeEnabledAgain() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            vm.selected().setAll(vm.rows().stream().filter(r -> r.name().equals("Backup job")).toList());
            vm.actions().toggleEnabled();
            assertThat(vm.selected()).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("Backup job");
                assertThat(r.status()).isEqualTo(DisplayStatus.DISABLED);
            });
            assertThat(vm.actions().toggleTextProperty().get()).isEqualTo("Enable");
        }
    }

    @Test
    void detailsShowTheWholeKeyLoadedByIdThoughTheTableHoldsOnlyASummary() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            vm.selected().setAll(vm.rows().stream().filter(r -> r.name().equals("Backup job")).toList());
            List<KeyDetailsViewModel> shown = new ArrayList<>();
            ui.keyDialogs.onDetails = shown::add;
            vm.showDetails();
            assertThat(shown).singleElement().satisfies(d -> {
                assertThat(d.descriptionProperty().get()).isEqualTo("nightly copy to S3");
                assertThat(d.facts()).containsEntry("Owner", "bob").containsEntry("Type", "User key");
            });
        }
    }

    @Test
    void detailsOfAKeyRevokedMeanwhileSaySoAndTheTableDropsIt() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            KeyRow row = vm.rows().stream().filter(r -> r.name().equals("Backup job")).findFirst().orElseThrow();
            vm.selected().setAll(row);
            ui.store.services.keys().revoke(ui.store.admin, row.id());
            vm.showDetails();
            assertThat(ui.dialogs.last().heading()).isEqualTo("Could not open the key");
            assertThat(vm.rows()).extracting(KeyRow::name).containsExactly("Laptop sync");
        }
    }

    @Test
    void keysOfADeactivatedOwnerShowThatTheyDoNotWorkAndCanStillBeDisabled() {
        try (UiFixture ui = new UiFixture(dir)) {
            seed(ui);
            ui.store.services.users().setActive(ui.store.admin, "bob", false);
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            KeyRow backup = vm.rows().stream().filter(r -> r.name().equals("Backup job")).findFirst().orElseThrow();

            assertThat(backup.status()).isEqualTo(DisplayStatus.OWNER_DEACTIVATED);
            assertThat(backup.status().works()).isFalse();
            assertThat(backup.status().text()).isEqualTo("Owner deactivated");
            vm.statusFilterProperty().set(StatusFilter.ACTIVE);
            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("Laptop sync");
            vm.statusFilterProperty().set(StatusFilter.OWNER_DEACTIVATED);
            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("Backup job");

            vm.selected().setAll(backup);
            assertThat(vm.actions().toggleTextProperty().get()).isEqualTo("Disable");
            assertThat(vm.actions().canToggleProperty().get()).isTrue();
        }
    }

    @Test
    void aKeyMadeElsewhereIsPatchedInKeepingSearchSortAndSelectionWithoutLoadingTheTableAgain() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("deploy b");
            ui.store.siteKey("backup");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.sortBy(Comparator.comparing(KeyRow::name));
            vm.searchProperty().set("deploy");
            vm.selected().setAll(vm.visibleRows());
            List<Boolean> busy = new ArrayList<>();
            vm.busyProperty().addListener((o, was, now) -> busy.add(now));

            ui.store.siteKey("deploy a");
            vm.storeChanged(ui.store.services.changes().head(ui.store.admin));

            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("deploy a", "deploy b");
            assertThat(vm.selected()).extracting(KeyRow::name).containsExactly("deploy b");
            assertThat(vm.rows()).hasSize(3);
            assertThat(busy).as("no reload of the whole table").isEmpty();
        }
    }

    @Test
    void aKeyRevokedOrDisabledElsewhereChangesInPlace() {
        try (UiFixture ui = new UiFixture(dir)) {
            long revoked = ui.store.siteKey("to revoke").key().id();
            long disabled = ui.store.siteKey("to disable").key().id();
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.selected().setAll(vm.visibleRows());

            ui.store.services.keys().revoke(ui.store.admin, revoked);
            ui.store.services.keys().disable(ui.store.admin, disabled);
            vm.storeChanged(-1);

            assertThat(vm.rows()).singleElement().satisfies(row -> {
                assertThat(row.name()).isEqualTo("to disable");
                assertThat(row.status()).isEqualTo(DisplayStatus.DISABLED);
            });
            assertThat(vm.selected()).extracting(KeyRow::name).containsExactly("to disable");
        }
    }

    @Test
    void anAnnouncementTheRowsAlreadyIncludeIsIgnored() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("one");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            ui.store.siteKey("two");   // not announced: the announcement below is older

            vm.storeChanged(ui.store.services.changes().head(ui.store.admin) - 1);

            assertThat(vm.rows()).extracting(KeyRow::name).containsExactly("one");
        }
    }

    @Test
    void aChangeAnnouncedWhileTheTableLoadsIsCaughtUpOnceLoaded() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("before");
            com.keydesk.ui.DeferredTaskRunner tasks = new com.keydesk.ui.DeferredTaskRunner();
            KeyTableViewModel vm = new KeyTableViewModel(new com.keydesk.ui.SignedIn(ui.store.services, ui.store.admin,
                    tasks, ui.dialogs, ui.clipboard, ui.store.clock), KeyScope.SITE_KEYS, ui.keyDialogs, true,
                    new SimpleBooleanProperty(true), ZoneOffset.UTC);
            vm.reload();   // read, not yet shown

            ui.store.siteKey("while loading");
            vm.storeChanged(ui.store.services.changes().head(ui.store.admin));
            tasks.deliver();

            assertThat(vm.rows()).extracting(KeyRow::name).containsExactly("while loading", "before");
        }
    }
}
