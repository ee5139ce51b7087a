package com.keydesk.service;

import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.Texts;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.Database;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names that look the same must be the same: invisible format and control characters are refused in every name typed. */
class InvisibleCharactersInNamesTest {
    @TempDir
    Path temp;

    /** Zero-width space, word joiner, BOM, soft hyphen, a tag character, a tag cancel, LRM, RLO, isolate, ZWJ/ZWNJ alone, NUL, DEL. */
    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x2060, 0xFEFF, 0x00AD, 0xE0041, 0xE007F, 0x200E, 0x202E, 0x2066, 0x200D, 0x200C, 0x0000, 0x007F})
    void everyNameAPersonTypesRefusesTheCharacterNamingTheField(int character) {
        String name = "Back" + Character.toString(character) + (Texts.isJoiner(character) ? " up" : "up");
        try (TestStore store = TestStore.in(temp)) {
            var keys = store.services.keys();
            long id = store.siteKey("Plain").key().id();

            assertRefused("key name", "name", () -> keys.create(store.admin, NewKey.site(name, null, null)));
            assertRefused("key name", "name", () -> keys.update(store.admin, id, new KeyEdit(name, null, null, false)));
            assertRefused("description", "description", () -> keys.update(store.admin, id, new KeyEdit(null, name, null, false)));
            assertRefused("display name", "displayName",
                    () -> store.services.users().add(store.admin, "bob", name, false, "bob password 123".toCharArray()));
            assertThatThrownBy(() -> store.services.users().add(store.admin, "bo" + Character.toString(character) + "b",
                    null, false, "bob password 123".toCharArray()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("A username may contain only")
                    .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("username"));
            assertThat(keys.list(store.admin)).extracting(k -> k.name()).containsExactly("Plain");
        }
        assertRefused("site name", "site", () -> Setup.checkInput(name, "alice", "a long password 1".toCharArray()));
        Database db = Database.create(TestStore.newAddress(temp.resolve("second")));
        try (db) {
            Services services = Services.over(db, TestStore.CHEAP, java.time.Clock.systemUTC(), new SecureRandom());
            assertRefused("site name", "site", () -> services.setup().initialise(name, "alice", "a long password 1".toCharArray()));
            assertThat(StoreSnapshot.isSetUp(db)).isFalse();
        }
    }

    @Test
    void joinersBetweenTwoVisibleCharactersStayAllowedForEmojiAndScriptsThatNeedThem() {
        assertThatCode(() -> InputRules.checkKeyName("Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 key"))
                .doesNotThrowAnyException();
        assertThatCode(() -> InputRules.checkDisplayName("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> InputRules.checkKeyName("\u200DBackup")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> InputRules.checkKeyName("Back\u200D\u200Dup")).isInstanceOf(ValidationException.class);
    }

    @Test
    void anEchoedNameShowsInvisibleCharactersAsQuestionMarks() {
        assertThat(Texts.printable("a\u200Bb\uFEFFc" + Character.toString(0xE0041))).isEqualTo("a?b?c?");
    }

    private static void assertRefused(String label, String field, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The " + label + " may not contain")
                .hasMessageContaining("invisible characters")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }
}
