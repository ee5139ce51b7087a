package com.keydesk.ui.keys.copy;

import com.keydesk.domain.IssuedKey;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CopyNowViewModelTest {
    @TempDir
    Path dir;

    @Test
    void copyTurnsTheButtonIntoCopied() {
        try (UiFixture ui = new UiFixture(dir)) {
            CopyNowViewModel vm = new CopyNowViewModel(ui.store.siteKey("CI"), ui.clipboard, ui.dialogs, ui.store.clock);
            assertThat(vm.copyButtonTextBinding().get()).isEqualTo("Copy");
            vm.copy();
            assertThat(ui.clipboard.copies).isEqualTo(1);
            assertThat(ui.clipboard.lastLength).isEqualTo(vm.secretProperty().get().length());
            assertThat(vm.copyButtonTextBinding().get()).isEqualTo("Copied");
        }
    }

    @Test
    void doneNeedsTheAcknowledgement() {
        try (UiFixture ui = new UiFixture(dir)) {
            CopyNowViewModel vm = new CopyNowViewModel(ui.store.siteKey("CI"), ui.clipboard, ui.dialogs, ui.store.clock);
            assertThat(vm.doneDisabledProperty().get()).isTrue();
            assertThat(vm.done()).isFalse();
            vm.acknowledgedProperty().set(true);
            assertThat(vm.doneDisabledProperty().get()).isFalse();
            assertThat(vm.done()).isTrue();
            assertThat(vm.secretProperty().get()).isNull();
        }
    }

    @Test
    void closingBeforeAcknowledgingAsksAndStaysOpenOnNo() {
        try (UiFixture ui = new UiFixture(dir)) {
            CopyNowViewModel vm = new CopyNowViewModel(ui.store.siteKey("CI"), ui.clipboard, ui.dialogs, ui.store.clock);
            ui.dialogs.answer = false;
            assertThat(vm.requestClose()).isFalse();
            assertThat(ui.dialogs.last().heading()).isEqualTo("You will not be able to see this key again");
            assertThat(vm.secretProperty().get()).isNotNull();
            ui.dialogs.answer = true;
            assertThat(vm.requestClose()).isTrue();
            assertThat(vm.finishedProperty().get()).isTrue();
        }
    }

    @Test
    void afterFinishingTheViewModelNoLongerReachesTheSecret() throws InterruptedException {
        try (UiFixture ui = new UiFixture(dir)) {
            IssuedKey issued = ui.store.siteKey("CI");
            WeakReference<String> secret = new WeakReference<>(issued.secret().reveal());
            CopyNowViewModel vm = new CopyNowViewModel(issued, ui.clipboard, ui.dialogs, ui.store.clock);
            issued = null;
            vm.copy();
            vm.acknowledgedProperty().set(true);
            vm.done();
            for (int i = 0; i < 20 && secret.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(secret.get()).isNull();
            assertThat(vm.keyName()).isEqualTo("CI");
        }
    }

    @Test
    void showsWhoseKeyItIsWhatItMayDoAndUntilWhen() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            java.time.Instant expires = ui.store.clock.instant().plus(java.time.Duration.ofDays(30));
            IssuedKey issued = ui.store.services.keys().create(ui.store.admin, com.keydesk.domain.NewKey.forUser(
                    "bob", "Bob laptop", null, com.keydesk.domain.PermissionSet.FILES_ONLY, expires));
            CopyNowViewModel vm = new CopyNowViewModel(issued, ui.clipboard, ui.dialogs, ui.store.clock);
            assertThat(vm.ownerText()).isEqualTo("bob");
            assertThat(vm.permissionText()).isEqualTo("Files only (files_only)");
            assertThat(vm.expiryText()).isEqualTo(com.keydesk.ui.RelativeTime.date(issued.key().expiresAt()) + " (in 30 days)");
        }
    }

    @Test
    void anExpiryMonthsAwayIsGivenAsADateOnce() {
        try (UiFixture ui = new UiFixture(dir)) {
            java.time.Instant expires = ui.store.clock.instant().plus(java.time.Duration.ofDays(365));
            IssuedKey issued = ui.store.services.keys().create(ui.store.admin,
                    com.keydesk.domain.NewKey.site("CI", null, expires));
            CopyNowViewModel vm = new CopyNowViewModel(issued, ui.clipboard, ui.dialogs, ui.store.clock);
            assertThat(vm.expiryText()).isEqualTo(com.keydesk.ui.RelativeTime.date(issued.key().expiresAt()));
        }
    }

    @Test
    void aSiteKeyHasNoOwnerAndANeverExpiringKeySaysNever() {
        try (UiFixture ui = new UiFixture(dir)) {
            CopyNowViewModel vm = new CopyNowViewModel(ui.store.siteKey("CI"), ui.clipboard, ui.dialogs, ui.store.clock);
            assertThat(vm.ownerText()).isEqualTo("None: a site key");
            assertThat(vm.permissionText()).isEqualTo("Full (full)");
            assertThat(vm.expiryText()).isEqualTo("Never");
        }
    }

    @Test
    void anAdministratorsKeySaysItHasFullPower() {
        try (UiFixture ui = new UiFixture(dir)) {
            IssuedKey issued = ui.store.services.keys().create(ui.store.admin, com.keydesk.domain.NewKey.forUser(
                    "alice", "Alice CLI", null, com.keydesk.domain.PermissionSet.FULL, null));
            CopyNowViewModel vm = new CopyNowViewModel(issued, ui.clipboard, ui.dialogs, ui.store.clock);
            assertThat(vm.ownerText()).isEqualTo("alice (administrator: full power)");
        }
    }
}
