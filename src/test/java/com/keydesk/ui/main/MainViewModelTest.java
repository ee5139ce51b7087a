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
            MainViewModel vm = new MainViewModel(ui.admin(), ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });
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
            MainViewModel vm = new MainViewModel(ui.as(bob), ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });
            vm.load();
            assertThat(vm.sections()).containsExactly(Section.MY_KEYS, Section.SCAN);
            assertThat(vm.mayManageKeysProperty().get()).isFalse();

            ui.store.allowUsersToCreateKeys(true);
            MainViewModel later = new MainViewModel(ui.as(bob), ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });
            later.load();
            assertThat(later.mayManageKeysProperty().get()).isTrue();
        }
    }

    @Test
    void whenTwoChangesOfTheSettingAreAnsweredOutOfOrderTheLastOneAskedWins() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            com.keydesk.ui.DeferredTaskRunner tasks = new com.keydesk.ui.DeferredTaskRunner();
            var ctx = new com.keydesk.ui.SignedIn(ui.store.services, bob, tasks, ui.dialogs, ui.clipboard,
                    ui.store.clock, ui.confirmations);
            MainViewModel vm = new MainViewModel(ctx, ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });
            vm.load();
            tasks.deliver();

            ui.store.allowUsersToCreateKeys(true);
            vm.applySite(ui.store.services.site().site(ui.store.admin));   // answered: allowed
            ui.store.allowUsersToCreateKeys(false);
            vm.applySite(ui.store.services.site().site(ui.store.admin));   // answered: refused
            tasks.deliverNewest();
            tasks.deliver();   // the older answer comes last

            assertThat(vm.mayManageKeysProperty().get()).isFalse();
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
            MainViewModel vm = new MainViewModel(ui.admin(), ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });
            vm.load();
            assertThat(vm.bannerProperty().get()).isEqualTo("2 keys have expired or expire within 7 days.");
            vm.showExpiring();
            assertThat(vm.currentProperty().get()).isEqualTo(Section.USER_KEYS);
            assertThat(vm.keyTable(com.keydesk.ui.keys.KeyScope.USER_KEYS).visibleRows())
                    .extracting(row -> row.name()).containsExactlyInAnyOrder("Soon", "Gone");
        }
    }

    @Test
    void theBannerIsCountedOnlyOnceTheFirstTablesRowsAreDrawn() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("CI deploy");
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("alice", "Soon", null, PermissionSet.FULL,
                    ui.store.clock.instant().plus(Duration.ofDays(2))));
            com.keydesk.ui.DrawnOnCommandTaskRunner tasks = new com.keydesk.ui.DrawnOnCommandTaskRunner();
            var ctx = new com.keydesk.ui.SignedIn(ui.store.services, ui.store.admin, tasks, ui.dialogs, ui.clipboard,
                    ui.store.clock, ui.confirmations);
            MainViewModel vm = new MainViewModel(ctx, ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });

            vm.load();
            assertThat(vm.keyTable(com.keydesk.ui.keys.KeyScope.SITE_KEYS).visibleRows())
                    .extracting(row -> row.name()).containsExactly("CI deploy");
            assertThat(vm.bannerProperty().get()).as("rows shown, not yet drawn: nothing else counted").isEmpty();

            tasks.draw();
            assertThat(vm.bannerProperty().get()).isEqualTo("1 key has expired or expires within 7 days.");
        }
    }

    private FakeOpenStore local() {
        return new FakeOpenStore(dir.toString(), false);
    }

    @Test
    void aChangeCommittedElsewhereAppearsInTheOpenTablesWithoutAReload() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("first");
            MainViewModel vm = new MainViewModel(ui.admin(), ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });
            vm.load();
            var table = vm.keyTable(com.keydesk.ui.keys.KeyScope.SITE_KEYS);
            table.selected().setAll(table.visibleRows());

            ui.store.siteKey("made by someone else");
            vm.storeChanged(ui.store.services.changes().head(ui.store.admin));

            assertThat(table.rows()).extracting(row -> row.name()).containsExactly("made by someone else", "first");
            assertThat(table.selected()).extracting(row -> row.name()).containsExactly("first");
        }
    }

    @Test
    void anotherAdministratorRenamingTheSiteOrChangingItsSettingReachesTheWindow() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            MainViewModel vm = new MainViewModel(ui.as(bob), ui.keyDialogs, local(), ZoneOffset.UTC, () -> { });
            vm.load();
            vm.keyTable(com.keydesk.ui.keys.KeyScope.MY_KEYS);
            assertThat(vm.mayManageKeysProperty().get()).isFalse();

            ui.store.allowUsersToCreateKeys(true);
            vm.storeChanged(-1);

            assertThat(vm.mayManageKeysProperty().get()).isTrue();
        }
    }

    @Test
    void aTeamStoreOutOfReachIsSaidInOneSentenceUntilItIsBackThenTheTablesCatchUp() {
        try (UiFixture ui = new UiFixture(dir)) {
            MainViewModel vm = new MainViewModel(ui.admin(), ui.keyDialogs,
                    new FakeOpenStore("postgresql://kd@db.example.com:5432/keydesk?sslmode=verify-full", true),
                    ZoneOffset.UTC, () -> { });
            vm.load();
            var table = vm.keyTable(com.keydesk.ui.keys.KeyScope.SITE_KEYS);

            vm.storeUnreachable();
            assertThat(vm.storeTroubleProperty().get()).isEqualTo("The team store "
                    + "postgresql://kd@db.example.com:5432/keydesk?sslmode=verify-full cannot be reached right now;"
                    + " KeyDesk keeps trying and carries on when it is back.");

            ui.store.siteKey("made while this window could not hear");
            vm.storeChanged(-1);
            assertThat(table.rows()).as("no catch-up waits on a store known to be out of reach").isEmpty();
            vm.storeResumed();

            assertThat(vm.storeTroubleProperty().get()).isEmpty();
            assertThat(table.rows()).extracting(row -> row.name()).containsExactly("made while this window could not hear");
        }
    }

    @Test
    void movingToATeamStoreIsOfferedToAdministratorsOfALocalStoreOnly() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            FakeOpenStore store = local();
            MainViewModel admin = new MainViewModel(ui.admin(), ui.keyDialogs, store, ZoneOffset.UTC, () -> { });
            admin.load();
            assertThat(admin.mayMoveToTeamStoreProperty().get()).isTrue();
            admin.moveToTeamStore();
            assertThat(store.asked).containsExactly("move as alice");

            MainViewModel user = new MainViewModel(ui.as(bob), ui.keyDialogs, store, ZoneOffset.UTC, () -> { });
            user.load();
            assertThat(user.mayMoveToTeamStoreProperty().get()).isFalse();
            user.moveToTeamStore();
            assertThat(store.asked).containsExactly("move as alice");

            MainViewModel onTeam = new MainViewModel(ui.admin(), ui.keyDialogs,
                    new FakeOpenStore("postgresql://kd@db/keydesk?sslmode=require", true), ZoneOffset.UTC, () -> { });
            onTeam.load();
            assertThat(onTeam.mayMoveToTeamStoreProperty().get()).as("already a team store").isFalse();
        }
    }
}
