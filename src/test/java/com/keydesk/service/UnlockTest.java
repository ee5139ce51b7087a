package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.store.StoreLocation;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Ending a sign-in wait: administrators for anyone, and the store file's owner when no administrator can sign in. */
class UnlockTest {
    @TempDir
    Path temp;
    private TestStore store;
    private AuthService auth;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        auth = store.services.auth();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anAdministratorEndsAColleaguesWaitAndItIsAudited() {
        store.addUser("bob");
        holdBack("bob");

        assertThat(auth.unlock(store.admin, "BOB")).isTrue();

        assertThat(auth.signIn("bob", "bob password 123".toCharArray()).username()).isEqualTo("bob");
        AuditEntry entry = lastEntry("user.unlocked");
        assertThat(entry.actor()).isEqualTo(TestStore.ADMIN);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.OUTCOME_OK);
        assertThat(entry.detail()).isEqualTo("sign-in wait cleared");
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
    }

    @Test
    void unlockingANameWithNoWaitSaysSoAndChangesNothing() {
        assertThat(auth.unlock(store.admin, "nobody")).isFalse();
        assertThat(lastEntry("user.unlocked").detail()).isEqualTo("no sign-in wait to clear");
    }

    @Test
    void aNonAdministratorMayNotUnlockAndTheAttemptIsAudited() {
        Session bob = store.addUser("bob");
        store.addUser("carol");
        holdBack("carol");

        assertThatThrownBy(() -> auth.unlock(bob, "carol")).isInstanceOf(PermissionDeniedException.class);

        assertThat(lastEntry("user.unlocked").outcome()).isEqualTo(AuditEntry.OUTCOME_DENIED);
        assertThat(failure("carol", "carol password 123").getMessage()).contains("Try again");
    }

    @Test
    void theStoresOwnerEndsTheLastAdministratorsWaitWithoutSigningIn() {
        TestEngine.assumeH2("the operating-system account that owns the store file");
        assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
        holdBack(TestStore.ADMIN);

        assertThat(auth.unlockAsStoreOwner(TestStore.ADMIN)).isTrue();

        assertThat(auth.signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()).username()).isEqualTo(TestStore.ADMIN);
        AuditEntry entry = lastEntry("user.unlocked");
        assertThat(entry.actor()).isEqualTo("os:" + System.getProperty("user.name"));
        assertThat(entry.detail()).isEqualTo("sign-in wait cleared by the operating-system account that owns the store");
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
    }

    @Test
    void anotherOperatingSystemAccountIsRefusedAndTheWaitStays() throws Exception {
        TestEngine.assumeH2("the operating-system account that owns the store file");
        Path file = store.db.folder().resolve(StoreLocation.FILE_BASE_NAME + ".mv.db");
        UserPrincipal nobody;
        try {
            nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(file, nobody);   // only root may give a file away, as CI runs
        } catch (Exception notRoot) {
            assumeTrue(false, "needs root to give the store file to another account");
            return;
        }
        holdBack(TestStore.ADMIN);

        assertThatThrownBy(() -> auth.unlockAsStoreOwner(TestStore.ADMIN)).isInstanceOf(PermissionDeniedException.class)
                .hasMessage("Only the operating-system account that owns the store (nobody) may unlock without"
                        + " signing in; run the command as that account.");

        assertThat(lastEntry("user.unlocked").outcome()).isEqualTo(AuditEntry.OUTCOME_DENIED);
        assertThat(failure(TestStore.ADMIN, TestStore.ADMIN_PASSWORD).getMessage()).contains("Try again");
    }

    @Test
    void aStoreFileThatIsASymbolicLinkIsNotProofOfOwnership() throws Exception {
        TestEngine.assumeH2("a store file that is a symbolic link");
        assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
        Path file = store.db.folder().resolve(StoreLocation.FILE_BASE_NAME + ".mv.db");
        store.close();
        Path elsewhere = Files.move(file, temp.resolve("elsewhere.mv.db"));
        Files.createSymbolicLink(file, elsewhere);
        // the service is asked on the folder only; the open store is not needed for the refusal
        assertThatThrownBy(() -> StoreOwner.confirm(store.db.folder())).isInstanceOf(PermissionDeniedException.class);
        Files.delete(file);
        Files.move(elsewhere, file);
        store = TestStore.in(temp.resolve("again"));
    }

    /** A team store lives on a server: no account on this machine owns it, so nobody unlocks without signing in. */
    @Test
    void onATeamStoreNoOperatingSystemAccountMayUnlockWithoutSigningIn() {
        assumeTrue(TestEngine.postgresql(), "PostgreSQL only: a team store has no owning account here");
        holdBack(TestStore.ADMIN);

        assertThatThrownBy(() -> auth.unlockAsStoreOwner(TestStore.ADMIN)).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("team store");

        assertThat(lastEntry("user.unlocked").outcome()).isEqualTo(AuditEntry.OUTCOME_DENIED);
        assertThat(failure(TestStore.ADMIN, TestStore.ADMIN_PASSWORD).getMessage()).contains("Try again");
    }

    private void holdBack(String username) {
        for (int i = 0; i < AuthService.FREE_ATTEMPTS; i++) {
            failure(username, "wrong " + i);
        }
        assertThat(failure(username, "still wrong").getMessage()).contains("Try again");
    }

    private AuthenticationException failure(String username, String password) {
        return catchThrowableOfType(AuthenticationException.class, () -> auth.signIn(username, password.toCharArray()));
    }

    private AuditEntry lastEntry(String action) {
        return store.services.audit().entries(store.admin).stream().filter(e -> e.action().equals(action))
                .reduce((a, b) -> b).orElseThrow();
    }
}
