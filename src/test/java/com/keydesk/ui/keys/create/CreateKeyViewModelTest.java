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
            vm.load();
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
            assertThat(vm.ownerSuggestions()).containsExactly("bella", "bob");
            vm.ownerProperty().set("ll");
            assertThat(vm.ownerSuggestions()).as("a name that contains it").containsExactly("bella");
            vm.ownerProperty().set("bob");
            assertThat(vm.powerWarningProperty().get()).isFalse();
            vm.ownerProperty().set("alice");
            assertThat(vm.powerWarningProperty().get()).isTrue();
        }
    }

    @Test
    void onlyTheNewestAnswerIsOfferedAndATakenNameClosesTheList() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            ui.store.addUser("bella");
            com.keydesk.ui.DeferredTaskRunner tasks = new com.keydesk.ui.DeferredTaskRunner();
            var ctx = new com.keydesk.ui.SignedIn(ui.store.services, ui.store.admin, tasks, ui.dialogs, ui.clipboard,
                    ui.store.clock);
            CreateKeyViewModel vm = new CreateKeyViewModel(ctx, KeyType.USER, true, ZoneOffset.UTC);
            vm.loadOwners();
            tasks.deliver();
            vm.ownerProperty().set("b");     // asks: bella, bob
            vm.ownerProperty().set("bo");    // asks: bob
            tasks.deliverNewest();
            assertThat(vm.ownerSuggestions()).containsExactly("bob");
            tasks.deliver();                 // the answer for "b" arrives late
            assertThat(vm.ownerSuggestions()).as("an older answer arriving late is dropped").containsExactly("bob");

            vm.chooseOwner("bob");
            tasks.deliver();
            assertThat(vm.ownerProperty().get()).isEqualTo("bob");
            assertThat(vm.ownerSuggestions()).as("a taken name closes the list").isEmpty();

            vm.ownerProperty().set("be");
            vm.dismissOwnerSuggestions();    // Escape before the answer
            tasks.deliver();
            assertThat(vm.ownerSuggestions()).as("a dismissed list stays closed").isEmpty();
            org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                    () -> vm.ownerSuggestions().add("mallory"));
        }
    }

    @Test
    void aGreyedCreateSaysWhatIsMissing() {
        try (UiFixture ui = new UiFixture(dir)) {
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.admin(), KeyType.USER, true, ZoneOffset.UTC);
            vm.load();
            assertThat(vm.createHintProperty().get()).isEqualTo("A key name is required.");
            vm.nameProperty().set("Backup");
            assertThat(vm.createHintProperty().get()).isEqualTo("Choose the user the key belongs to.");
            vm.ownerProperty().set("alice");
            vm.expiryPresetProperty().set(ExpiryPreset.DATE);
            assertThat(vm.createHintProperty().get()).isEqualTo("Choose the day the key expires.");
            vm.expiryDateProperty().set(LocalDate.of(2026, 7, 1));
            assertThat(vm.canCreateProperty().get()).isTrue();
            assertThat(vm.createHintProperty().get()).isEmpty();
            vm.nameProperty().set("");
            assertThat(vm.createHintProperty().get()).as("the sentence beside the field says it: not twice").isEmpty();
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

    @Test
    void theFormStartsWithTheSitesDefaultPermissionSetAndAChoiceIsKept() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.services.site().setDefaultPermissionSet(ui.store.admin, PermissionSet.SYNC_APP);
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.admin(), KeyType.USER, true, ZoneOffset.UTC);
            assertThat(vm.permissionProperty().get()).isNull();   // not full while the site's answer is on its way

            vm.load();
            assertThat(vm.permissionProperty().get()).isEqualTo(PermissionSet.SYNC_APP);

            CreateKeyViewModel chosen = new CreateKeyViewModel(ui.admin(), KeyType.USER, true, ZoneOffset.UTC);
            chosen.permissionProperty().set(PermissionSet.DESKTOP_APP);
            chosen.load();
            assertThat(chosen.permissionProperty().get()).isEqualTo(PermissionSet.DESKTOP_APP);
        }
    }

    @Test
    void neverAndPresetsPastTheMaximumAreOfferedOnlyWhereTheServiceAllowsThem() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            ui.store.allowUsersToCreateKeys(true);
            ui.store.services.site().setMaxKeyLifetimeDays(ui.store.admin, 30);

            CreateKeyViewModel bobs = new CreateKeyViewModel(ui.as(bob), KeyType.USER, false, ZoneOffset.UTC);
            assertThat(bobs.expiryChoices()).doesNotContain(ExpiryPreset.NEVER);   // not before the service answered
            bobs.load();
            assertThat(bobs.expiryChoices()).containsExactly(ExpiryPreset.DAYS_7, ExpiryPreset.DAYS_30, ExpiryPreset.DATE);
            // the longest allowed preset, the maximum itself: a moment later than the service's answer is still in
            ui.store.clock.advance(java.time.Duration.ofSeconds(30));
            assertThat(bobs.expiryPresetProperty().get()).isEqualTo(ExpiryPreset.DAYS_30);
            bobs.nameProperty().set("Longest");
            bobs.create();
            assertThat(bobs.createdProperty().get()).as(bobs.errors().form.get()).isTrue();
            LocalDate today = LocalDate.ofInstant(ui.store.clock.instant(), ZoneOffset.UTC);
            assertThat(bobs.isSelectableDate(today.plusDays(29))).isTrue();
            assertThat(bobs.isSelectableDate(today.plusDays(30))).isFalse();

            CreateKeyViewModel admins = new CreateKeyViewModel(ui.admin(), KeyType.USER, true, ZoneOffset.UTC);
            admins.load();
            assertThat(admins.expiryChoices()).contains(ExpiryPreset.NEVER, ExpiryPreset.DAYS_365);
            assertThat(admins.isSelectableDate(today.plusDays(400))).isTrue();
        }
    }

    @Test
    void aTypedDayPastTheMaximumIsExplainedBesideTheField() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            ui.store.allowUsersToCreateKeys(true);
            ui.store.services.site().setMaxKeyLifetimeDays(ui.store.admin, 30);
            CreateKeyViewModel vm = new CreateKeyViewModel(ui.as(bob), KeyType.USER, false, ZoneOffset.UTC);
            vm.load();
            LocalDate today = LocalDate.ofInstant(ui.store.clock.instant(), ZoneOffset.UTC);

            vm.typedExpiryDate(today.plusDays(60));

            assertThat(vm.errors().expiry.get()).isEqualTo("On this site your keys must expire within 30 days: choose "
                    + today.plusDays(29) + " or earlier.");
        }
    }
}
