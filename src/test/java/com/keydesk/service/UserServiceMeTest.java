package com.keydesk.service;

import com.keydesk.domain.AuthenticationException;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserServiceMeTest {
    @TempDir
    Path dir;

    @Test
    void meReturnsTheSignedInPersonWithTheirRole() {
        try (TestStore store = TestStore.in(dir)) {
            Session bob = store.addUser("bob");
            assertThat(store.services.users().me(store.admin).admin()).isTrue();
            assertThat(store.services.users().me(bob).admin()).isFalse();
            assertThat(store.services.users().me(bob).username()).isEqualTo("bob");
        }
    }

    @Test
    void meRefusesADeactivatedPerson() {
        try (TestStore store = TestStore.in(dir)) {
            Session bob = store.addUser("bob");
            store.services.users().setActive(store.admin, "bob", false);
            assertThatThrownBy(() -> store.services.users().me(bob)).isInstanceOf(AuthenticationException.class);
        }
    }
}
