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

    /** A form asks on every keystroke: the same sentence the check throws, without an exception. */
    @Test
    void everyRuleAnswersWithoutThrowingWithTheSameSentence() {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        sameSentence(InputRules.siteNameProblem(" "), () -> InputRules.checkSiteName(" "));
        sameSentence(InputRules.usernameProblem("bob smith"), () -> InputRules.checkUsername("bob smith"));
        sameSentence(InputRules.displayNameProblem("Bob\u202Ehtims"), () -> InputRules.checkDisplayName("Bob\u202Ehtims"));
        sameSentence(InputRules.passwordProblem("            ".toCharArray()),
                () -> InputRules.checkPassword("            ".toCharArray()));
        sameSentence(InputRules.keyNameProblem("x".repeat(101)), () -> InputRules.checkKeyName("x".repeat(101)));
        sameSentence(InputRules.descriptionProblem("bell\u0007"), () -> InputRules.checkDescription("bell\u0007"));
        sameSentence(InputRules.expiryProblem(now, now), () -> InputRules.checkExpiry(now, now));

        org.assertj.core.api.Assertions.assertThat(InputRules.siteNameProblem("Acme")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(InputRules.usernameProblem("bob.smith@example")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(InputRules.displayNameProblem("")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(InputRules.passwordProblem("long enough password".toCharArray())).isEmpty();
        org.assertj.core.api.Assertions.assertThat(InputRules.keyNameProblem("Nightly backup")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(InputRules.descriptionProblem(null)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(InputRules.descriptionProblem("line one\r\nline two")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(InputRules.expiryProblem(null, now)).isEmpty();
    }

    private static void sameSentence(java.util.Optional<String> answered, org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        org.assertj.core.api.Assertions.assertThat(answered).isPresent();
        assertThatThrownBy(check).isInstanceOf(ValidationException.class).hasMessage(answered.orElseThrow());
    }
}
