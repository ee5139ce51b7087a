package com.keydesk.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {
    @Test
    void printableReplacesControlAndDirectionCharacters() {
        assertThat(Texts.printable("a\nb\u202Ec\u2066d\u0007e")).isEqualTo("a?b?c?d?e");
    }

    @Test
    void printableKeepsShortOrdinaryText() {
        assertThat(Texts.printable("Schlüssel 😀")).isEqualTo("Schlüssel 😀");
        assertThat(Texts.printable(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "é", "😀", "𝔘"})
    void printableIsShortAndNeverSplitsACharacter(String character) {
        String echo = Texts.printable(character.repeat(500));

        assertThat(echo).endsWith("…");
        assertThat(echo.length()).isLessThanOrEqualTo(41);
        assertThat(echo.substring(0, echo.length() - 1)).matches("(" + java.util.regex.Pattern.quote(character) + ")+");
    }

    @Test
    void unsafeCoversBidiControlsAndSeparators() {
        for (int cp : new int[] {0x00, 0x1B, 0x7F, 0x202A, 0x202E, 0x2066, 0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029}) {
            assertThat(Texts.isUnsafe(cp)).as("U+%04X", cp).isTrue();
        }
        for (int cp : new int[] {'a', ' ', 'é', 0x1F600, 0x65E5}) {
            assertThat(Texts.isUnsafe(cp)).as("U+%04X", cp).isFalse();
        }
    }
}
