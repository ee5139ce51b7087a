package com.keydesk.ui.users;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UsersViewModelTest {
    @TempDir
    Path dir;

    private static User named(UsersViewModel vm, String username) {
        return vm.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryUserWithRoleStatusAndKeyCount() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("bob", "Laptop", null, PermissionSet.DESKTOP_APP, null));
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            assertThat(vm.users()).extracting(User::username).containsExactly("alice", "bob");
            User bob = named(vm, "bob");
            assertThat(UsersViewModel.roleText(bob)).isEqualTo("User");
            assertThat(UsersViewModel.statusText(bob)).isEqualTo("Active");
            assertThat(bob.keyCount()).isEqualTo(1);
            assertThat(vm.countProperty().get()).isEqualTo("2 users");
            assertThat(vm.isMe(named(vm, "alice"))).isTrue();
        }
    }

    @Test
    void makingAnAdministratorListsTheKeysThatGainFullPowerFirst() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("bob", "Laptop", null, PermissionSet.DESKTOP_APP, null));
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("bob", "Sync", null, PermissionSet.SYNC_APP, null));
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            vm.selectedProperty().set(named(vm, "bob"));
            assertThat(vm.adminActionTextProperty().get()).isEqualTo("Make administrator");

            ui.dialogs.answer = false;
            vm.toggleAdmin();
            assertThat(ui.dialogs.last().heading()).isEqualTo("Make bob an administrator?");
            assertThat(ui.dialogs.last().sentence()).contains("These 2 keys of theirs gain full site power")
                    .contains("Laptop").contains("Sync").contains("desktop_app");
            assertThat(named(vm, "bob").admin()).isFalse();

            ui.dialogs.answer = true;
            vm.toggleAdmin();
            assertThat(named(vm, "bob").admin()).isTrue();
            assertThat(vm.selectedProperty().get().admin()).isTrue();
            assertThat(vm.adminActionTextProperty().get()).isEqualTo("Remove administrator");

            vm.toggleAdmin();
            assertThat(ui.dialogs.last().heading()).isEqualTo("Remove administrator from bob?");
            assertThat(named(vm, "bob").admin()).isFalse();
        }
    }

    @Test
    void aUserWithoutKeysIsToldSo() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            vm.selectedProperty().set(named(vm, "bob"));
            ui.dialogs.answer = false;
            vm.toggleAdmin();
            assertThat(ui.dialogs.last().sentence()).contains("They have no keys now");
        }
    }

    @Test
    void aLongKeyListNamesTheFirstTenAndCountsTheRest() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            for (int i = 1; i <= 13; i++) {
                ui.store.services.keys().create(ui.store.admin, NewKey.forUser("bob", "Key " + i, null, PermissionSet.FILES_ONLY, null));
            }
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            vm.selectedProperty().set(named(vm, "bob"));
            ui.dialogs.answer = false;
            vm.toggleAdmin();
            String sentence = ui.dialogs.last().sentence();
            assertThat(sentence).contains("These 13 keys").endsWith("…and 3 more");
            assertThat(sentence.lines().filter(l -> l.startsWith("•"))).hasSize(10);
        }
    }

    @Test
    void deactivatingSaysHowManyKeysStopWorking() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("bob", "Laptop", null, PermissionSet.DESKTOP_APP, null));
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser("bob", "Sync", null, PermissionSet.SYNC_APP, null));
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            vm.selectedProperty().set(named(vm, "bob"));
            assertThat(vm.activeActionTextProperty().get()).isEqualTo("Deactivate");
            vm.toggleActive();
            assertThat(ui.dialogs.last().heading()).isEqualTo("Deactivate bob?");
            assertThat(ui.dialogs.last().sentence()).contains("their 2 keys stop working");
            assertThat(named(vm, "bob").active()).isFalse();
            assertThat(vm.activeActionTextProperty().get()).isEqualTo("Activate");
            vm.toggleActive();
            assertThat(ui.dialogs.last().sentence()).contains("their 2 keys work again");
            assertThat(named(vm, "bob").active()).isTrue();
        }
    }

    @Test
    void aUserWithoutKeysIsToldSoWhenDeactivatedAndActivated() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            vm.selectedProperty().set(named(vm, "bob"));
            vm.toggleActive();
            assertThat(ui.dialogs.last().sentence()).isEqualTo("bob can no longer sign in. They have no keys.");
            vm.toggleActive();
            assertThat(ui.dialogs.last().sentence()).isEqualTo("bob can sign in again. They have no keys.");
        }
    }

    @Test
    void whatTheServiceWouldRefuseIsNotOfferedAndItsSentenceSaysWhy() {
        try (UiFixture ui = new UiFixture(dir)) {
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            assertThat(vm.mayToggleActiveProperty().get()).isFalse();
            assertThat(vm.toggleActiveReasonProperty().get()).isEqualTo("Choose a user in the table first.");
            vm.selectedProperty().set(named(vm, "alice"));
            assertThat(vm.mayToggleActiveProperty().get()).isFalse();
            assertThat(vm.toggleActiveReasonProperty().get()).isEqualTo("alice is the last active administrator and cannot be deactivated.");
            assertThat(vm.mayRenameProperty().get()).isTrue();
            assertThat(vm.renameReasonProperty().get()).isEmpty();
            vm.toggleActive();   // not offered: nothing happens, nothing is asked
            assertThat(ui.dialogs.asked).isEmpty();
        }
    }

    @Test
    void theSearchKeepsUsersWhoseUsernameOrDisplayNameContainsIt() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.services.users().add(ui.store.admin, "carol", "Carol Builder", false, "carol password 123".toCharArray());
            UsersViewModel vm = new UsersViewModel(ui.admin(), f -> { });
            vm.reload();
            vm.searchProperty().set("builder");
            assertThat(vm.shownUsers()).extracting(com.keydesk.domain.User::username).containsExactly("carol");
            vm.searchProperty().set(" ");
            assertThat(vm.shownUsers()).hasSameSizeAs(vm.users());
        }
    }

    @Test
    void addUserOpensTheFormAndReloadsWhenAUserWasAdded() {
        try (UiFixture ui = new UiFixture(dir)) {
            UsersViewModel vm = new UsersViewModel(ui.admin(), form -> {
                form.account().usernameProperty().set("carol");
                form.account().password().passwordProperty().set("carol password 1");
                form.account().password().repeatProperty().set("carol password 1");
                form.add();
            });
            vm.reload();
            vm.addUser();
            assertThat(vm.users()).extracting(User::username).contains("carol");
        }
    }
}
