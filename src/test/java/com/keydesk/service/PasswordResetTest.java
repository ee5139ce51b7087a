package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.ValidationException;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An administrator resets a password or renames a user; the reset user must choose a new password first. */
class PasswordResetTest {
    private static final String TEMPORARY = "temporary password 1";

    @TempDir
    Path temp;
    private TestStore store;
    private UserService users;

    @BeforeEach
    void open() {
        store = TestStore.in(temp);
        users = store.services.users();
        store.addUser("bob");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theResetUserSignsInWithTheTemporaryPasswordAndMayDoNothingButChangeIt() {
        char[] temporary = TEMPORARY.toCharArray();
        assertThat(users.resetPassword(store.admin, "bob", temporary).mustChangePassword()).isTrue();
        assertThat(temporary).containsOnly('\0');

        assertThatThrownBy(() -> store.services.auth().signIn("bob", "bob password 123".toCharArray()))
                .isInstanceOf(AuthenticationException.class);
        Session bob = store.services.auth().signIn("bob", TEMPORARY.toCharArray());
        assertThat(users.me(bob).mustChangePassword()).isTrue();
        assertThatThrownBy(() -> store.services.keys().list(bob))
                .isInstanceOf(AuthenticationException.class).hasMessage(Guard.MUST_CHANGE);

        users.changeOwnPassword(bob, TEMPORARY.toCharArray(), "bob's own new password".toCharArray());

        assertThat(users.me(bob).mustChangePassword()).isFalse();
        assertThat(store.services.keys().list(bob)).isEmpty();
        List<AuditEntry> log = store.services.audit().entries(store.admin);
        assertThat(log).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("user.password_reset");
            assertThat(e.actor()).isEqualTo(TestStore.ADMIN);
            assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_OK);
        });
        assertThat(log).noneMatch(e -> String.valueOf(e.detail()).contains("temporary"));
        AuditVerification verified = store.services.audit().verify(store.admin);
        assertThat(verified.intact()).as(verified.message()).isTrue();
    }

    @Test
    void theTemporaryPasswordCannotBeKeptAsTheNewOne() {
        users.resetPassword(store.admin, "bob", TEMPORARY.toCharArray());
        Session bob = store.services.auth().signIn("bob", TEMPORARY.toCharArray());

        assertThatThrownBy(() -> users.changeOwnPassword(bob, TEMPORARY.toCharArray(), TEMPORARY.toCharArray()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("temporary");
        assertThat(users.me(bob).mustChangePassword()).isTrue();
    }

    @Test
    void onlyAnAdministratorResetsAndNeverTheirOwnPasswordAndTheTemporaryOneFollowsThePasswordRules() {
        Session carol = store.addUser("carol");
        assertThatThrownBy(() -> users.resetPassword(carol, "bob", TEMPORARY.toCharArray()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword(store.admin, TestStore.ADMIN, TEMPORARY.toCharArray()))
                .hasMessageContaining("use Change password");
        assertThatThrownBy(() -> users.resetPassword(store.admin, "bob", "short".toCharArray()))
                .isInstanceOf(ValidationException.class);
        assertThat(store.services.auth().signIn("bob", "bob password 123".toCharArray())).isNotNull();
    }

    @Test
    void theRulesOnWhoMayResetAreCheckedBeforeThePasswordIsLookedAtOrHashed() {
        Session carol = store.addUser("carol");
        char[] tooShort = "short".toCharArray();
        assertThatThrownBy(() -> users.resetPassword(carol, "bob", tooShort))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(tooShort).containsOnly('\0');
        assertThatThrownBy(() -> users.resetPassword(store.admin, "nobody", "short".toCharArray()))
                .isInstanceOf(com.keydesk.domain.NotFoundException.class);
        assertThat(store.services.audit().entries(store.admin))
                .filteredOn(e -> e.action().equals("user.password_reset") && e.actor().equals("carol"))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isNotEqualTo(AuditEntry.OUTCOME_OK));
    }

    @Test
    void renamingChangesTheDisplayNameAndIsAudited() {
        assertThat(users.rename(store.admin, "bob", "  Bob Builder ").displayName()).isEqualTo("Bob Builder");
        assertThat(users.rename(store.admin, "bob", "").displayName()).isNull();
        assertThat(store.services.audit().entries(store.admin)).filteredOn(e -> e.action().equals("user.renamed"))
                .hasSize(2).first().satisfies(e -> assertThat(e.detail()).contains("Bob Builder"));
        Session carol = store.addUser("carol");
        assertThatThrownBy(() -> users.rename(carol, "bob", "Mallory")).isInstanceOf(PermissionDeniedException.class);
        AuditVerification verified = store.services.audit().verify(store.admin);
        assertThat(verified.intact()).as(verified.message()).isTrue();
    }
}
