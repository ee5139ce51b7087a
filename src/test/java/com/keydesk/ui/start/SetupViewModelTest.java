package com.keydesk.ui.start;

import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.Setup;
import com.keydesk.store.Database;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SetupViewModelTest {
    @TempDir
    Path dir;

    private Session initialise(String site, String admin, String displayName, char[] password) {
        Setup.checkInput(site, admin, displayName, password);
        Database db = Database.create(dir.resolve("store"));
        try {
            return Services.over(db, TestStore.CHEAP, new MutableClock(), new SecureRandom()).setup()
                    .initialise(site, admin, displayName, password);
        } finally {
            db.close();
        }
    }

    @Test
    void createIsOfferedOnlyWhenBothPasswordsAgree() {
        SetupViewModel vm = new SetupViewModel(this::initialise, new SameThreadTaskRunner(), s -> { });
        vm.siteNameProperty().set("Acme");
        vm.account().usernameProperty().set("alice");
        vm.account().password().passwordProperty().set("correct horse battery");
        vm.account().password().repeatProperty().set("correct horse battery!");
        assertThat(vm.canCreateProperty().get()).isFalse();
        assertThat(vm.account().password().repeatErrorProperty().get()).isEqualTo("The two passwords are not the same.");
        vm.account().password().repeatProperty().set("correct horse battery");
        assertThat(vm.canCreateProperty().get()).isTrue();
        assertThat(vm.account().password().repeatErrorProperty().get()).isEmpty();
    }

    @Test
    void strengthHintFollowsTheTyping() {
        SetupViewModel vm = new SetupViewModel(this::initialise, new SameThreadTaskRunner(), s -> { });
        vm.account().password().passwordProperty().set("short");
        assertThat(vm.account().password().strengthProperty().get()).isEqualTo("7 more characters needed.");
        vm.account().password().passwordProperty().set("password1234");
        assertThat(vm.account().password().strengthProperty().get()).startsWith("Weak, easy to guess: ");
        assertThat(vm.account().password().strengthRatingProperty().get()).isEqualTo(PasswordStrength.Rating.WEAK);
        vm.account().password().passwordProperty().set("quixotic marmalade ferns zebra");
        assertThat(vm.account().password().strengthProperty().get()).isEqualTo("Strong.");
    }

    @Test
    void aShortPasswordIsRefusedBesideThePasswordAndNoStoreIsMade() {
        SetupViewModel vm = new SetupViewModel(this::initialise, new SameThreadTaskRunner(), s -> { });
        vm.siteNameProperty().set("Acme");
        vm.account().usernameProperty().set("alice");
        vm.account().password().passwordProperty().set("short");
        vm.account().password().repeatProperty().set("short");
        vm.create();
        assertThat(vm.account().password().errorProperty().get()).isEqualTo("A password needs at least 12 characters.");
        assertThat(Database.exists(dir.resolve("store"))).isFalse();
    }

    @Test
    void goodInputCreatesTheStoreAndSignsIn() {
        AtomicReference<Session> signedIn = new AtomicReference<>();
        SetupViewModel vm = new SetupViewModel(this::initialise, new SameThreadTaskRunner(), signedIn::set);
        vm.siteNameProperty().set("Acme");
        vm.account().usernameProperty().set("alice");
        vm.account().password().passwordProperty().set("correct horse battery");
        vm.account().password().repeatProperty().set("correct horse battery");
        vm.create();
        assertThat(signedIn.get().username()).isEqualTo("alice");
        assertThat(Database.exists(dir.resolve("store"))).isTrue();
        assertThat(vm.account().password().passwordProperty().get()).isEmpty();
    }

    @Test
    void theFirstAdministratorsDisplayNameIsStoredAndABadOneIsSaidBesideIt() {
        AtomicReference<Session> signedIn = new AtomicReference<>();
        SetupViewModel vm = new SetupViewModel(this::initialise, new SameThreadTaskRunner(), signedIn::set);
        vm.siteNameProperty().set("Acme");
        vm.account().usernameProperty().set("alice");
        vm.account().displayNameProperty().set("x".repeat(500));
        vm.account().password().passwordProperty().set("correct horse battery");
        vm.account().password().repeatProperty().set("correct horse battery");
        vm.create();
        assertThat(vm.account().displayNameErrorProperty().get()).isNotEmpty();
        assertThat(Database.exists(dir.resolve("store"))).isFalse();

        vm.account().displayNameProperty().set("Alice Liddell");
        vm.account().password().passwordProperty().set("correct horse battery");
        vm.account().password().repeatProperty().set("correct horse battery");
        vm.create();
        assertThat(vm.account().displayNameErrorProperty().get()).isEmpty();
        try (Database db = Database.open(dir.resolve("store"))) {
            Services services = Services.over(db, TestStore.CHEAP, new MutableClock(), new SecureRandom());
            assertThat(services.users().me(signedIn.get()).displayName()).isEqualTo("Alice Liddell");
        }
    }
}
