package com.keydesk.ui.users;

import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AddUserViewModelTest {
    @TempDir
    Path dir;

    @Test
    void fieldsAreCheckedAsThePersonTypesWithTheServiceRules() {
        try (UiFixture ui = new UiFixture(dir)) {
            AddUserViewModel vm = new AddUserViewModel(ui.admin());
            assertThat(vm.canAddProperty().get()).isFalse();
            vm.account().usernameProperty().set("bob smith");
            assertThat(vm.account().usernameErrorProperty().get()).contains("only letters, digits");
            vm.account().usernameProperty().set("bob");
            assertThat(vm.account().usernameErrorProperty().get()).isEmpty();
            vm.account().displayNameProperty().set("Bob\u202E");
            assertThat(vm.account().displayNameErrorProperty().get()).contains("control characters");
            vm.account().displayNameProperty().set("Bob Smith");
            assertThat(vm.account().displayNameErrorProperty().get()).isEmpty();
            vm.account().password().passwordProperty().set("short");
            assertThat(vm.account().password().strengthProperty().get()).isEqualTo("7 more characters needed.");
            vm.account().password().repeatProperty().set("shor");
            assertThat(vm.account().password().repeatErrorProperty().get()).isEqualTo("The two passwords are not the same.");
            assertThat(vm.canAddProperty().get()).isFalse();
            vm.account().password().passwordProperty().set("bob password 123");
            vm.account().password().repeatProperty().set("bob password 123");
            assertThat(vm.canAddProperty().get()).isTrue();
        }
    }

    @Test
    void addsTheUserAndEmptiesThePasswordFields() {
        try (UiFixture ui = new UiFixture(dir)) {
            AddUserViewModel vm = new AddUserViewModel(ui.admin());
            vm.account().usernameProperty().set("bob");
            vm.account().displayNameProperty().set("Bob Smith");
            vm.adminProperty().set(true);
            vm.account().password().passwordProperty().set("bob password 123");
            vm.account().password().repeatProperty().set("bob password 123");
            vm.add();
            assertThat(vm.addedProperty().get()).isTrue();
            assertThat(vm.result().admin()).isTrue();
            assertThat(vm.result().displayName()).isEqualTo("Bob Smith");
            assertThat(vm.account().password().passwordProperty().get()).isEmpty();
            assertThat(ui.store.services.auth().signIn("bob", "bob password 123".toCharArray()).username()).isEqualTo("bob");
        }
    }

    @Test
    void aServiceRefusalLandsBesideTheFieldOrTheForm() {
        try (UiFixture ui = new UiFixture(dir)) {
            AddUserViewModel vm = new AddUserViewModel(ui.admin());
            vm.account().usernameProperty().set("ALICE");
            vm.account().password().passwordProperty().set("some password 1");
            vm.account().password().repeatProperty().set("some password 1");
            vm.add();
            assertThat(vm.addedProperty().get()).isFalse();
            assertThat(vm.formErrorProperty().get()).isEqualTo("A user named ALICE already exists (usernames ignore case).");
        }
    }

    @Test
    void aNonAdministratorIsRefusedWithTheServiceSentence() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            AddUserViewModel vm = new AddUserViewModel(ui.as(bob));
            vm.account().usernameProperty().set("carol");
            vm.account().password().passwordProperty().set("carol password 1");
            vm.account().password().repeatProperty().set("carol password 1");
            vm.add();
            assertThat(vm.formErrorProperty().get()).isEqualTo("Only a site administrator may do this.");
        }
    }

    @Test
    void aShortPasswordGetsTheServiceSentenceBesideThePasswordAsSetupAndChangePasswordDo() {
        try (UiFixture ui = new UiFixture(dir)) {
            AddUserViewModel vm = new AddUserViewModel(ui.admin());
            vm.account().usernameProperty().set("bob");
            vm.account().password().passwordProperty().set("short");
            vm.account().password().repeatProperty().set("short");
            assertThat(vm.canAddProperty().get()).as("the two agree: the service may say what is wrong").isTrue();
            vm.add();
            assertThat(vm.addedProperty().get()).isFalse();
            assertThat(vm.account().password().errorProperty().get()).isEqualTo("A password needs at least 12 characters.");
            vm.account().password().passwordProperty().set("bob password 123");
            assertThat(vm.account().password().errorProperty().get()).as("retyping clears it").isEmpty();
        }
    }
}
