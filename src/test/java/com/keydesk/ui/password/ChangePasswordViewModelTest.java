package com.keydesk.ui.password;

import com.keydesk.domain.AuthenticationException;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangePasswordViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aWrongCurrentPasswordIsSaidBesideThatField() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            ChangePasswordViewModel vm = new ChangePasswordViewModel(ui.as(bob));
            vm.currentProperty().set("not my password");
            vm.newPassword().passwordProperty().set("a brand new password");
            vm.newPassword().repeatProperty().set("a brand new password");
            vm.change();
            assertThat(vm.currentErrorProperty().get()).isEqualTo("The current password is wrong.");
            assertThat(vm.currentProperty().get()).isEmpty();
            assertThat(vm.changedProperty().get()).isFalse();
        }
    }

    @Test
    void aTooShortNewPasswordGetsTheServiceSentence() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            ChangePasswordViewModel vm = new ChangePasswordViewModel(ui.as(bob));
            vm.currentProperty().set("bob password 123");
            vm.newPassword().passwordProperty().set("short");
            vm.newPassword().repeatProperty().set("shorter");
            assertThat(vm.canChangeProperty().get()).isFalse();
            assertThat(vm.newPassword().repeatErrorProperty().get()).isNotEmpty();
            vm.newPassword().repeatProperty().set("short");
            vm.change();
            assertThat(vm.newPassword().errorProperty().get()).isEqualTo("A password needs at least 12 characters.");
        }
    }

    @Test
    void changesThePasswordSoOnlyTheNewOneSignsIn() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            ChangePasswordViewModel vm = new ChangePasswordViewModel(ui.as(bob));
            vm.currentProperty().set("bob password 123");
            vm.newPassword().passwordProperty().set("a brand new password");
            vm.newPassword().repeatProperty().set("a brand new password");
            vm.change();
            assertThat(vm.changedProperty().get()).isTrue();
            assertThat(vm.newPassword().passwordProperty().get()).isEmpty();
            assertThat(ui.dialogs.last().heading()).isEqualTo("Password changed");
            assertThat(ui.store.services.auth().signIn("bob", "a brand new password".toCharArray()).username()).isEqualTo("bob");
            assertThatThrownBy(() -> ui.store.services.auth().signIn("bob", "bob password 123".toCharArray()))
                    .isInstanceOf(AuthenticationException.class);
        }
    }
}
