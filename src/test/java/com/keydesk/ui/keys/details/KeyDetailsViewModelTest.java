package com.keydesk.ui.keys.details;

import com.keydesk.domain.ExpiryLimit;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDetailsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsEveryFieldAndSavesANewName() {
        try (UiFixture ui = new UiFixture(dir)) {
            var key = ui.store.siteKey("CI").key();
            KeyDetailsViewModel vm = new KeyDetailsViewModel(ui.admin(), key, true, true, ExpiryLimit.NONE, ZoneOffset.UTC);
            assertThat(vm.facts()).containsKeys("Id", "Key", "Type", "Permission", "Status", "Created", "Expires", "Last used");
            assertThat(vm.changedProperty().get()).isFalse();
            vm.nameProperty().set("CI deploy");
            assertThat(vm.changedProperty().get()).isTrue();
            vm.save();
            assertThat(vm.savedProperty().get()).isTrue();
            assertThat(ui.store.services.keys().show(ui.store.admin, key.id()).name()).isEqualTo("CI deploy");
        }
    }

    @Test
    void anOwnerWhoLengthensTheExpiryGetsTheServiceSentence() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            ui.store.allowUsersToCreateKeys(true);
            var key = ui.store.services.keys().create(bob, NewKey.forUser("bob", "Phone", null, PermissionSet.MOBILE_APP,
                    ui.store.clock.instant().plus(Duration.ofDays(10)))).key();
            KeyDetailsViewModel vm = new KeyDetailsViewModel(ui.as(bob), key, true, false, ExpiryLimit.NONE, ZoneOffset.UTC);
            vm.noExpiryProperty().set(true);
            vm.save();
            assertThat(vm.savedProperty().get()).isFalse();
            assertThat(vm.errors().form.get()).startsWith("Only an administrator can extend or remove");
        }
    }
}
