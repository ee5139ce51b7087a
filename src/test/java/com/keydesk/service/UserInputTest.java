package com.keydesk.service;

import com.keydesk.domain.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserInputTest {
    @Test
    void usernameRulesAreTheServiceRulesAndNameTheField() {
        assertThatCode(() -> UserInput.checkUsername("bob.smith@example")).doesNotThrowAnyException();
        assertThatThrownBy(() -> UserInput.checkUsername(" ")).isInstanceOf(ValidationException.class)
                .hasMessage("A username is required.")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ValidationException) e).field()).isEqualTo("username"));
        assertThatThrownBy(() -> UserInput.checkUsername("bob smith")).hasMessageContaining("only letters, digits");
        assertThatThrownBy(() -> UserInput.checkUsername("x".repeat(65))).hasMessageContaining("at most 64");
    }

    @Test
    void displayNameIsOptionalButRefusesControlCharacters() {
        assertThatCode(() -> UserInput.checkDisplayName("")).doesNotThrowAnyException();
        assertThatCode(() -> UserInput.checkDisplayName("Bob Smith")).doesNotThrowAnyException();
        assertThatThrownBy(() -> UserInput.checkDisplayName("Bob\u202Ehtims")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void passwordIsCheckedWithoutBeingWiped() {
        char[] password = "long enough password".toCharArray();
        UserInput.checkPassword(password);
        org.assertj.core.api.Assertions.assertThat(new String(password)).isEqualTo("long enough password");
        assertThatThrownBy(() -> UserInput.checkPassword("short".toCharArray())).hasMessageContaining("at least 12");
    }
}
