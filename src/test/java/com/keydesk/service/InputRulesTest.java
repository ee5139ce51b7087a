package com.keydesk.service;

import com.keydesk.domain.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputRulesTest {
    @Test
    void usernameRulesAreTheServiceRulesAndNameTheField() {
        assertThatCode(() -> InputRules.checkUsername("bob.smith@example")).doesNotThrowAnyException();
        assertThatThrownBy(() -> InputRules.checkUsername(" ")).isInstanceOf(ValidationException.class)
                .hasMessage("A username is required.")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ValidationException) e).field()).isEqualTo("username"));
        assertThatThrownBy(() -> InputRules.checkUsername("bob smith")).hasMessageContaining("only letters, digits");
        assertThatThrownBy(() -> InputRules.checkUsername("x".repeat(65))).hasMessageContaining("at most 64");
    }

    @Test
    void displayNameIsOptionalButRefusesControlCharacters() {
        assertThatCode(() -> InputRules.checkDisplayName("")).doesNotThrowAnyException();
        assertThatCode(() -> InputRules.checkDisplayName("Bob Smith")).doesNotThrowAnyException();
        assertThatThrownBy(() -> InputRules.checkDisplayName("Bob\u202Ehtims")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void passwordIsCheckedWithoutBeingWiped() {
        char[] password = "long enough password".toCharArray();
        InputRules.checkPassword(password);
        org.assertj.core.api.Assertions.assertThat(new String(password)).isEqualTo("long enough password");
        assertThatThrownBy(() -> InputRules.checkPassword("short".toCharArray())).hasMessageContaining("at least 12");
    }

    @Test
    void keyNameAndDescriptionRulesAreTheOnesCreateApplies() {
        assertThatCode(() -> InputRules.checkKeyName("Nightly backup")).doesNotThrowAnyException();
        assertThatThrownBy(() -> InputRules.checkKeyName("   ")).hasMessage("A key name is required.");
        assertThatThrownBy(() -> InputRules.checkKeyName("x".repeat(101))).hasMessage("The key name can be at most 100 characters.");
        assertThatThrownBy(() -> InputRules.checkKeyName("\uD83D\uDD11".repeat(51))).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> InputRules.checkKeyName("evil\u202Etxt")).hasMessageContaining("reverse text direction");
        assertThatCode(() -> InputRules.checkDescription("line one\nline two")).doesNotThrowAnyException();
        assertThatThrownBy(() -> InputRules.checkDescription("bell\u0007")).isInstanceOf(ValidationException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ValidationException) e).field()).isEqualTo("description"));
    }
}
