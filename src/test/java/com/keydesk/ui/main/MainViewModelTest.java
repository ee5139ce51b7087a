package com.keydesk.ui.main;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    @TempDir
    Path dir;

    @Test
    void anAdministratorSeesEveryScreen() {
        try (UiFixture ui = new UiFixture(dir)) {
            MainViewModel vm = new MainViewModel(ui.admin(), ui.keyDialogs, dir, ZoneOffset.UTC, () -> { });
            vm.load();
            assertThat(vm.sections()).containsExactly(Section.SITE_KEYS, Section.USER_KEYS, Section.USERS,
                    Section.SETTINGS, Section.AUDIT, Section.SCAN);
            assertThat(vm.currentProperty().get()).isEqualTo(Section.SITE_KEYS);
            assertThat(vm.siteNameProperty().get()).isEqualTo("Acme");
            assertThat(vm.mayManageKeysProperty().get()).isTrue();
        }
    }

    @Test
    void aUserSeesOnlyTheirKeysAndMayManageThemOnlyWithTheSetting() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            MainViewModel vm = new MainViewModel(ui.as(bob), ui.keyDialogs, dir, ZoneOffset.UTC, () -> { });
            vm.load();
            assertThat(vm.sections()).containsExactly(Section.MY_KEYS, Section.SCAN);
            assertThat(vm.mayManageKeysProperty().get()).isFalse();

            ui.store.allowUsersToCreateKeys(true);
            MainViewModel later = new MainViewModel(ui.as(bob), ui.keyDialogs, dir, ZoneOffset.UTC, () -> { });
            later.load();
            assertThat(later.mayManageKeysProperty().get()).isTrue();
        }
    }

    @Test
    void theBannerCountsKeysExpiredOrExpiringWithinSevenDays() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("alice", "Gone", null, PermissionSet.FULL,
                    ui.store.clock.instant().plus(Duration.ofHours(1))));
            ui.store.clock.advance(Duration.ofHours(2));
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("alice", "Soon", null, PermissionSet.FULL,
                    ui.store.clock.instant().plus(Duration.ofDays(2))));
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("alice", "Later", null, PermissionSet.FULL,
                    ui.store.clock.instant().plus(Duration.ofDays(30))));
            MainViewModel vm = new MainViewModel(ui.admin(), ui.keyDialogs, dir, ZoneOffset.UTC, () -> { });
            vm.load();
            assertThat(vm.bannerProperty().get()).isEqualTo("2 keys have expired or expire within 7 days.");
            vm.showExpiring();
            assertThat(vm.currentProperty().get()).isEqualTo(Section.USER_KEYS);
            assertThat(vm.keyTable(com.keydesk.ui.keys.KeyScope.USER_KEYS).visibleRows())
                    .extracting(row -> row.name()).containsExactlyInAnyOrder("Soon", "Gone");
        }
    }
}
