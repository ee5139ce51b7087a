package com.keydesk.ui.start;

import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {
    @TempDir
    Path dir;

    @Test
    void wrongPasswordShowsTheServiceSentenceAndEmptiesThePassword() {
        try (UiFixture ui = new UiFixture(dir)) {
            AtomicReference<Session> signedIn = new AtomicReference<>();
            SignInViewModel vm = new SignInViewModel(ui.store.services.auth(), ui.tasks, "here", signedIn::set);
            vm.usernameProperty().set(TestStore.ADMIN);
            vm.passwordProperty().set("not the password");
            vm.signIn();
            assertThat(vm.errorProperty().get()).isEqualTo("Sign-in failed: the username or password is wrong.");
            assertThat(vm.passwordProperty().get()).isEmpty();
            assertThat(signedIn.get()).isNull();
        }
    }

    @Test
    void theSiteNameIsReadBeforeSignInForTheHeading() {
        try (UiFixture ui = new UiFixture(dir)) {
            SignInViewModel vm = new SignInViewModel(ui.store.services.auth(), ui.tasks, "here", s -> { });
            assertThat(vm.siteNameProperty().get()).isEmpty();
            vm.load();
            assertThat(vm.siteNameProperty().get()).isEqualTo("Acme");
        }
    }

    @Test
    void rightPasswordSignsIn() {
        try (UiFixture ui = new UiFixture(dir)) {
            AtomicReference<Session> signedIn = new AtomicReference<>();
            SignInViewModel vm = new SignInViewModel(ui.store.services.auth(), ui.tasks, "here", signedIn::set);
            assertThat(vm.canSignInProperty().get()).isFalse();
            vm.usernameProperty().set(TestStore.ADMIN);
            vm.passwordProperty().set(TestStore.ADMIN_PASSWORD);
            assertThat(vm.canSignInProperty().get()).isTrue();
            vm.signIn();
            assertThat(signedIn.get().username()).isEqualTo(TestStore.ADMIN);
            assertThat(vm.errorProperty().get()).isEmpty();
        }
    }

    @Test
    void aDeactivatedAccountWithTheRightPasswordGetsTheWrongPasswordSentence() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            ui.store.services.users().setActive(ui.store.admin, "bob", false);
            AtomicReference<Session> signedIn = new AtomicReference<>();
            SignInViewModel vm = new SignInViewModel(ui.store.services.auth(), ui.tasks, "here", signedIn::set);
            vm.usernameProperty().set("bob");
            vm.passwordProperty().set("bob password 123");
            vm.signIn();
            assertThat(vm.errorProperty().get()).isEqualTo("Sign-in failed: the username or password is wrong.");
            assertThat(signedIn.get()).isNull();
        }
    }
}
