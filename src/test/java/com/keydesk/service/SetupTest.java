package com.keydesk.service;

import com.keydesk.domain.ConflictException;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.Database;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First start: one site, one administrator, the audit log begun; never twice, never half. */
class SetupTest {
    private static final String PASSWORD = "the first admin's password";

    @TempDir
    Path temp;
    private Database db;
    private Services services;

    @BeforeEach
    void setUp() {
        db = Database.create(TestStore.newAddress(temp));
        services = Services.over(db, TestStore.CHEAP, new MutableClock(), new SecureRandom());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void newStoreIsNotSetUp() {
        assertThat(StoreSnapshot.isSetUp(db)).isFalse();
    }

    @Test
    void setupCreatesTheSiteAndItsFirstAdministrator() {
        Session admin = services.setup().initialise("Acme", "root", PASSWORD.toCharArray());

        assertThat(StoreSnapshot.isSetUp(db)).isTrue();
        assertThat(services.site().site(admin).name()).isEqualTo("Acme");
        assertThat(services.users().list(admin)).singleElement().satisfies(u -> {
            assertThat(u.username()).isEqualTo("root");
            assertThat(u.admin()).isTrue();
            assertThat(u.active()).isTrue();
        });
        assertThat(services.auth().signIn("root", PASSWORD.toCharArray()).userId()).isEqualTo(admin.userId());
        assertThat(services.audit().verify(admin).intact()).isTrue();
    }

    @Test
    void usersMayNotCreateKeysUntilAnAdministratorSaysSo() {
        Session admin = services.setup().initialise("Acme", "root", PASSWORD.toCharArray());

        assertThat(services.site().site(admin).usersCanCreateApiKeys()).isFalse();
    }

    @Test
    void setupRunsOnlyOnce() {
        Session admin = services.setup().initialise("Acme", "root", PASSWORD.toCharArray());

        assertThatThrownBy(() -> services.setup().initialise("Other", "intruder", PASSWORD.toCharArray()))
                .isInstanceOf(ConflictException.class);
        assertThat(services.site().site(admin).name()).isEqualTo("Acme");
        assertThat(services.users().list(admin)).hasSize(1);
    }

    @Test
    void badInputLeavesTheStoreUntouched() {
        assertThatThrownBy(() -> services.setup().initialise(" ", "root", PASSWORD.toCharArray()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> services.setup().initialise("Acme", "no spaces allowed", PASSWORD.toCharArray()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> services.setup().initialise("Acme", "root", "short".toCharArray()))
                .isInstanceOf(ValidationException.class);

        assertThat(StoreSnapshot.isSetUp(db)).isFalse();
        assertThat(services.setup().initialise("Acme", "root", PASSWORD.toCharArray()).username()).isEqualTo("root");
    }

    @Test
    void passwordIsWiped() {
        char[] password = PASSWORD.toCharArray();

        services.setup().initialise("Acme", "root", password);

        assertThat(password).containsOnly('\0');
    }
}
