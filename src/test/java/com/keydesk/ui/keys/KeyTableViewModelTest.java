package com.keydesk.ui.keys;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.UiFixture;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

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
            assertThat(vm.filteredRows()).extracting(KeyRow::name).containsExactly("Backup job");
            vm.searchProperty().set("s3");
            assertThat(vm.filteredRows()).extracting(KeyRow::name).containsExactly("Backup job");
            String label = vm.rows().stream().filter(r -> r.name().equals("Laptop sync")).findFirst().orElseThrow()
                    .key().descriptiveLabel();
            vm.searchProperty().set(label.substring(label.length() - 4));
            assertThat(vm.filteredRows()).extracting(KeyRow::name).contains("Laptop sync");
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
            assertThat(vm.filteredRows()).extracting(KeyRow::name).containsExactly("Laptop sync");
            vm.statusFilterProperty().set(StatusFilter.DISABLED);
            assertThat(vm.filteredRows()).isEmpty();
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
}
