package com.keydesk.ui.keys.create;

import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.UiFixture;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CreateKeyViewModelTest {
    @TempDir
    Path dir;

    @Test
    void createIsOfferedOnlyWithANameAndAnOwner() {
        try (UiFixture ui = new UiFixture(dir)) {
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.admin(), KeyType.USER, true, ZoneOffset.UTC);
            vm.loadOwners();
            assertThat(vm.canCreateProperty().get()).isFalse();
            vm.nameProperty().set("x");
            vm.nameProperty().set(" ");
            assertThat(vm.errors().name.get()).isEqualTo("A key name is required.");
            vm.nameProperty().set("Backup");
            assertThat(vm.canCreateProperty().get()).isFalse();
            vm.ownerProperty().set("alice");
            assertThat(vm.canCreateProperty().get()).isTrue();
        }
    }

    @Test
    void ownerPickerFiltersAsYouTypeAndWarnsForAnAdministrator() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            ui.store.addUser("bella");
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.admin(), KeyType.USER, true, ZoneOffset.UTC);
            vm.loadOwners();
            vm.ownerProperty().set("b");
            assertThat(vm.ownerChoices()).containsExactly("bella", "bob");
            vm.ownerProperty().set("bob");
            assertThat(vm.powerWarningProperty().get()).isFalse();
            vm.ownerProperty().set("alice");
            assertThat(vm.powerWarningProperty().get()).isTrue();
        }
    }

    @Test
    void aSiteKeyAlwaysWarns() {
        try (UiFixture ui = new UiFixture(dir)) {
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.admin(), KeyType.SITE, true, ZoneOffset.UTC);
            assertThat(vm.powerWarningProperty().get()).isTrue();
        }
    }

    @Test
    void aPastDateIsRefusedBesideTheField() {
        try (UiFixture ui = new UiFixture(dir)) {
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.admin(), KeyType.SITE, true, ZoneOffset.UTC);
            vm.nameProperty().set("CI");
            vm.expiryPresetProperty().set(ExpiryPreset.DATE);
            assertThat(vm.canCreateProperty().get()).isFalse();
            vm.expiryDateProperty().set(LocalDate.of(2020, 1, 1));
            assertThat(vm.errors().expiry.get()).isEqualTo("The expiry date must be in the future.");
            assertThat(vm.canCreateProperty().get()).isFalse();
            vm.expiryDateProperty().set(LocalDate.of(2026, 7, 1));
            assertThat(vm.canCreateProperty().get()).isTrue();
        }
    }

    @Test
    void aServiceRefusalLandsBesideTheFieldItNames() {
        try (UiFixture ui = new UiFixture(dir)) {
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.admin(), KeyType.SITE, true, ZoneOffset.UTC);
            vm.nameProperty().set("x".repeat(101));
            vm.create();
            assertThat(vm.errors().name.get()).isEqualTo("The key name can be at most 100 characters.");
            assertThat(vm.createdProperty().get()).isFalse();
        }
    }

    @Test
    void aNonAdministratorMakesKeysForThemselvesAndTheResultIsHandedOverOnce() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            ui.store.allowUsersToCreateKeys(true);
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.as(bob), KeyType.USER, false, ZoneOffset.UTC);
            assertThat(vm.ownerProperty().get()).isEqualTo("bob");
            vm.nameProperty().set("Phone");
            vm.permissionProperty().set(PermissionSet.MOBILE_APP);
            vm.create();
            assertThat(vm.createdProperty().get()).isTrue();
            CopyNowViewModel copy = vm.takeResult();
            assertThat(copy.keyName()).isEqualTo("Phone");
            assertThat(copy.secretProperty().get()).isNotBlank();
            assertThat(vm.takeResult()).isNull();
            assertThat(ui.store.services.keys().list(bob)).singleElement()
                    .satisfies(k -> assertThat(k.permissionSet()).isEqualTo(PermissionSet.MOBILE_APP));
        }
    }
}
