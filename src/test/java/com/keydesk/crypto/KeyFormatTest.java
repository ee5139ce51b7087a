package com.keydesk.crypto;

import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFormatTest {
    private final KeyFormat format = new KeyFormat(new SecureRandom());

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatedKeyIsOnlyLettersDigitsAndUnderscores(KeyType type) {
        GeneratedKey key = format.generate(type);

        assertThat(key.text()).matches("^[A-Za-z0-9_]{40,}$");
        assertThat(key.text()).hasSize(KeyFormat.KEY_LENGTH);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatedKeyStartsWithProductPrefixAndTypeMarker(KeyType type) {
        GeneratedKey key = format.generate(type);

        assertThat(key.text()).startsWith("kd" + type.marker() + "_");
        assertThat(key.type()).isEqualTo(type);
    }

    @Test
    void siteAndUserKeysCarryDifferentMarkers() {
        assertThat(format.generate(KeyType.SITE).text()).startsWith("kds_");
        assertThat(format.generate(KeyType.USER).text()).startsWith("kdu_");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void parsingAGeneratedKeyGivesBackItsParts(KeyType type) {
        GeneratedKey key = format.generate(type);

        ParsedKey parsed = KeyFormat.parse(key.text());

        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.lookupId()).isEqualTo(key.lookupId());
        assertThat(parsed.secretPart()).isEqualTo(key.secretPart());
    }

    @Test
    void secretPartHoldsAtLeast256BitsOfBase62() {
        GeneratedKey key = format.generate(KeyType.USER);

        assertThat(key.secretPart()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9]+");
        double bits = key.secretPart().length() * (Math.log(62) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(256.0);
    }

    @Test
    void keysAreDistinctOverManyGenerations() {
        Set<String> texts = new HashSet<>();
        Set<String> lookupIds = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            GeneratedKey key = format.generate(i % 2 == 0 ? KeyType.USER : KeyType.SITE);
            texts.add(key.text());
            lookupIds.add(key.lookupId());
            secrets.add(key.secretPart());
        }
        assertThat(texts).hasSize(count);
        assertThat(lookupIds).hasSize(count);
        assertThat(secrets).hasSize(count);
    }

    @Test
    void secretCharactersUseTheWholeAlphabet() {
        // A generator stuck on part of the alphabet would lose entropy without losing uniqueness.
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            for (char c : format.generate(KeyType.USER).secretPart().toCharArray()) {
                seen.add(c);
            }
        }
        assertThat(seen).hasSize(62);
    }

    @Test
    void labelNeverContainsTheSecretPart() {
        for (int i = 0; i < 200; i++) {
            GeneratedKey key = format.generate(KeyType.USER);
            String secret = key.secretPart();
            assertThat(key.label()).doesNotContain(secret);
            // not even a recognisable run of it
            for (int start = 0; start + 6 <= secret.length(); start++) {
                assertThat(key.label()).doesNotContain(secret.substring(start, start + 6));
            }
        }
    }

    @Test
    void labelShowsPrefixLookupIdAndLastCharacters() {
        GeneratedKey key = format.generate(KeyType.SITE);

        assertThat(key.label()).startsWith("kds_" + key.lookupId());
        assertThat(key.label()).endsWith(key.text().substring(key.text().length() - 4));
        assertThat(key.label().length()).isLessThan(key.text().length() / 2);
    }

    @Test
    void toStringOfGeneratedAndParsedKeysHidesTheSecret() {
        GeneratedKey key = format.generate(KeyType.USER);

        assertThat(key.toString()).doesNotContain(key.secretPart()).doesNotContain(key.text());
        assertThat(KeyFormat.parse(key.text()).toString()).doesNotContain(key.secretPart());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "kd", "kdu_", "not a key at all"})
    void rejectsNullEmptyAndShapelessText(String text) {
        assertThatThrownBy(() -> KeyFormat.parse(text)).isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void rejectsWrongPrefix() {
        String text = format.generate(KeyType.USER).text();

        assertRejected("xx" + text.substring(2));
        assertRejected("sk" + text.substring(2));
    }

    @Test
    void rejectsTruncatedKey() {
        String text = format.generate(KeyType.USER).text();

        assertRejected(text.substring(0, text.length() - 1));
        assertRejected(text.substring(1));
        assertRejected(text.substring(0, text.length() / 2));
    }

    @Test
    void rejectsPaddedKeyOrExtraCharacter() {
        String text = format.generate(KeyType.USER).text();

        assertRejected(text + "A");
        assertRejected("0" + text);
        assertRejected(text + "_");
        assertRejected(text.substring(0, 20) + "x" + text.substring(20));
    }

    @Test
    void rejectsEveryOneCharacterChange() {
        String text = format.generate(KeyType.USER).text();
        for (int i = 0; i < text.length(); i++) {
            char original = text.charAt(i);
            char replacement = original == 'a' ? 'b' : 'a';
            String changed = text.substring(0, i) + replacement + text.substring(i + 1);
            int position = i;
            assertThatThrownBy(() -> KeyFormat.parse(changed))
                    .as("change at position %d", position)
                    .isInstanceOf(KeyRejectedException.class);
        }
    }

    @Test
    void rejectsSwappedNeighbouringCharacters() {
        String text = format.generate(KeyType.USER).text();
        int i = text.length() - 20;
        if (text.charAt(i) == text.charAt(i + 1)) {
            i++;
        }
        String swapped = text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);

        assertRejected(swapped);
    }

    @Test
    void rejectsCaseChangedKey() {
        String text = format.generate(KeyType.USER).text();

        assertRejected(text.toUpperCase(Locale.ROOT));
        assertRejected(text.toLowerCase(Locale.ROOT).equals(text) ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT));
        int letter = firstLetterInSecret(text);
        char c = text.charAt(letter);
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        assertRejected(text.substring(0, letter) + flipped + text.substring(letter + 1));
    }

    @Test
    void rejectsOtherTypeMarkerUnlessTheChecksumIsRecomputed() {
        String text = format.generate(KeyType.USER).text();

        assertRejected("kds" + text.substring(3));
        assertRejected(KeyTexts.withMarker(text, 'x'));
        // with a valid checksum the other marker parses; the verifier then refuses the mismatch
        assertThat(KeyFormat.parse(KeyTexts.withMarker(text, 's')).type()).isEqualTo(KeyType.SITE);
    }

    @Test
    void rejectionNeverEchoesTheKey() {
        String text = format.generate(KeyType.USER).text();
        String wrong = text.substring(0, text.length() - 1) + (text.endsWith("a") ? "b" : "a");

        assertThatThrownBy(() -> KeyFormat.parse(wrong))
                .isInstanceOf(KeyRejectedException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(wrong.substring(17, 60));
                    assertThat(e.toString()).doesNotContain(wrong.substring(17, 60));
                });
    }

    private static int firstLetterInSecret(String text) {
        int start = text.lastIndexOf('_') + 1;
        for (int i = start; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return i;
            }
        }
        throw new AssertionError("no letter in the secret part");
    }

    private static void assertRejected(String text) {
        assertThatThrownBy(() -> KeyFormat.parse(text)).isInstanceOf(KeyRejectedException.class);
    }
}
