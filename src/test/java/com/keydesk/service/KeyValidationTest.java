package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.ValidationException;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What a key may be called and described, and that a refused request leaves the store as it was. */
class KeyValidationTest {
    private static final Instant NOW = new com.keydesk.testing.MutableClock().instant();

    @TempDir
    Path temp;
    private TestStore store;
    private KeyService keys;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        keys = store.services.keys();
        store.addUser("bob");
        store.siteKey("existing");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                refused("no name", "name", n -> NewKey.site(null, null, null)),
                refused("empty name", "name", n -> NewKey.site("", null, null)),
                refused("blank name", "name", n -> NewKey.site(" \t ", null, null)),
                refused("name of 101 characters", "name", n -> NewKey.site("n".repeat(101), null, null)),
                refused("name with a bell character", "name", n -> NewKey.site("deploy\u0007", null, null)),
                refused("name with a line break", "name", n -> NewKey.site("two\nlines", null, null)),
                refused("name with a right-to-left override", "name", n -> NewKey.site("invoice\u202Efdp.exe", null, null)),
                refused("name with a right-to-left isolate", "name", n -> NewKey.site("a\u2067b", null, null)),
                refused("description of 1001 characters", "description", n -> NewKey.site("ok", "d".repeat(1001), null)),
                refused("description with a right-to-left override", "description", n -> NewKey.site("ok", "note \u202E", null)),
                refused("description with an escape character", "description", n -> NewKey.site("ok", "\u001B[31mred", null)),
                refused("expiry in the past", "expires", n -> NewKey.site("ok", null, n.minusSeconds(1))),
                refused("expiry right now", "expires", n -> NewKey.site("ok", null, n)),
                refused("user key without an owner", "owner", n -> NewKey.forUser(null, "ok", null, null, null)),
                refused("user key that starts disabled", "permission", n -> NewKey.forUser("bob", "ok", null, PermissionSet.NONE, null)));
    }

    private static Arguments refused(String what, String field, Function<Instant, NewKey> request) {
        return arguments(Named.of(what, request), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusedRequestSaysWhyAndChangesNothing(Function<Instant, NewKey> request, String field) {
        StoreSnapshot before = StoreSnapshot.of(store);
        int auditBefore = StoreSnapshot.audit(store).size();

        assertThatThrownBy(() -> keys.create(store.admin, request.apply(store.clock.instant())))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    assertThat(((ValidationException) e).field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank().endsWith(".");
                });
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        assertThat(StoreSnapshot.audit(store)).hasSize(auditBefore);
    }

    @Test
    void unknownPermissionSetIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> PermissionSet.parse("admin"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("files_only").hasMessageContaining("full");
        assertThat(PermissionSet.parse(" Files_Only ")).isEqualTo(PermissionSet.FILES_ONLY);
    }

    @Test
    void unknownOwnerIsNamedInTheRefusal() {
        StoreSnapshot before = StoreSnapshot.of(store);

        assertThatThrownBy(() -> keys.create(store.admin, NewKey.forUser("nobody", "ok", null, null, null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nobody");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void nameAndDescriptionAreTrimmed() {
        ApiKey key = keys.create(store.admin, NewKey.site("  deploy  ", "  why it exists \n", null)).key();

        assertThat(key.name()).isEqualTo("deploy");
        assertThat(key.description()).isEqualTo("why it exists");
    }

    @Test
    void blankDescriptionIsStoredAsNone() {
        assertThat(keys.create(store.admin, NewKey.site("k", "   ", null)).key().description()).isNull();
    }

    @Test
    void descriptionMayRunOverSeveralLines() {
        ApiKey key = keys.create(store.admin, NewKey.site("k", "first line\r\nsecond\tline", null)).key();

        assertThat(key.description()).isEqualTo("first line\nsecond\tline");
    }

    @Test
    void longestAllowedNameAndDescriptionAreKept() {
        ApiKey key = keys.create(store.admin, NewKey.site("n".repeat(100), "d".repeat(1000), null)).key();

        assertThat(keys.show(store.admin, key.id()).name()).hasSize(100);
        assertThat(keys.show(store.admin, key.id()).description()).hasSize(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀", "𝔘", "é", "x"})
    void whateverPassesTheLengthRulesFitsTheStore(String character) {
        // A name the rules accept must never fail later as "the store could not be used"
        // (emoji are one character to a person but two UTF-16 units to Java and H2).
        for (int count : new int[] {50, 99, 100, 101, 200}) {
            assertStoredOrRefusedAsInput(NewKey.site(character.repeat(count), null, null), "name");
        }
        for (int count : new int[] {500, 999, 1000, 1001, 2000}) {
            assertStoredOrRefusedAsInput(NewKey.site("k", character.repeat(count), null), "description");
        }
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
    }

    @Test
    void emojiInANameAreKept() {
        String name = "🔑 deploy " + "😀".repeat(40);

        ApiKey key = keys.create(store.admin, NewKey.site(name, "🚀".repeat(400), null)).key();

        assertThat(keys.show(store.admin, key.id()).name()).isEqualTo(name);
    }

    private void assertStoredOrRefusedAsInput(NewKey request, String field) {
        ApiKey created;
        try {
            created = keys.create(store.admin, request).key();
        } catch (ValidationException refused) {
            assertThat(refused.field()).isEqualTo(field);
            return;
        }
        ApiKey stored = keys.show(store.admin, created.id());
        assertThat(stored.name()).isEqualTo(request.name());
        assertThat(stored.description()).isEqualTo(request.description());
    }

    @Test
    void nonLatinNamesAreWelcome() {
        assertThat(keys.create(store.admin, NewKey.site("Schlüssel für Ünïcode — 日本", null, null)).key().name())
                .isEqualTo("Schlüssel für Ünïcode — 日本");
    }

    @Test
    void refusedEditChangesNothing() {
        ApiKey key = keys.create(store.admin, NewKey.forUser("bob", "k", null, null,
                store.clock.instant().plus(Duration.ofDays(5)))).key();
        StoreSnapshot before = StoreSnapshot.of(store);
        int auditBefore = StoreSnapshot.audit(store).size();

        assertThatThrownBy(() -> keys.update(store.admin, key.id(), new KeyEdit("   ", null, null, false)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> keys.update(store.admin, key.id(), new KeyEdit("bad\u202E", null, null, false)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> keys.update(store.admin, key.id(), new KeyEdit(null, "x".repeat(1001), null, false)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> keys.update(store.admin, key.id(),
                new KeyEdit("fine", null, store.clock.instant().minusSeconds(60), false)))
                .isInstanceOf(ValidationException.class);

        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        assertThat(StoreSnapshot.audit(store)).hasSize(auditBefore);
    }

    @Test
    void editChangesOnlyWhatWasGiven() {
        Instant expiry = store.clock.instant().plus(Duration.ofDays(5));
        ApiKey key = keys.create(store.admin, NewKey.forUser("bob", "k", "note", PermissionSet.FILES_ONLY, expiry)).key();

        ApiKey renamed = keys.update(store.admin, key.id(), new KeyEdit(" renamed ", null, null, false));

        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(renamed.description()).isEqualTo("note");
        assertThat(renamed.expiresAt()).isEqualTo(expiry);
        assertThat(renamed.permissionSet()).isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(StoreSnapshot.lastAudit(store).detail()).contains("renamed");
    }

    @Test
    void administratorMayExtendOrRemoveAnExpiry() {
        Instant expiry = store.clock.instant().plus(Duration.ofDays(5));
        ApiKey key = keys.create(store.admin, NewKey.forUser("bob", "k", null, null, expiry)).key();

        assertThat(keys.update(store.admin, key.id(), new KeyEdit(null, null, expiry.plus(Duration.ofDays(5)), false))
                .expiresAt()).isEqualTo(expiry.plus(Duration.ofDays(5)));
        assertThat(keys.update(store.admin, key.id(), new KeyEdit(null, null, null, true)).expiresAt()).isNull();
    }

    @Test
    void expiryIsKeptAtTheStoresPrecision() {
        Instant precise = NOW.plus(Duration.ofDays(1)).plusNanos(123_456_789);

        ApiKey key = keys.create(store.admin, NewKey.site("k", null, precise)).key();

        assertThat(key.expiresAt()).isEqualTo(precise.minusNanos(789));
    }
}
