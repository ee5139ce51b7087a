package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class NonAdministratorRobotTest extends AppRobotTest {
    private static final String BOB_PASSWORD = "bob password 123";

    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Bob laptop", null, PermissionSet.DESKTOP_APP, null));
        store.siteKey("CI deploy");
    }

    @Test
    void withTheSettingOffAUserSeesOnlyTheirKeysAndMayOnlyDisable() {
        signIn("bob", BOB_PASSWORD);
        assertThat(lookup("#nav-MY_KEYS").tryQuery()).isPresent();
        assertThat(lookup("#nav-SITE_KEYS").tryQuery()).isEmpty();
        assertThat(lookup("#nav-USERS").tryQuery()).isEmpty();
        assertThat(visibleKeys()).extracting(r -> r.name()).containsExactly("Bob laptop");
        assertThat(lookup("#newKeyButton").query().isVisible()).isFalse();
        assertThat(lookup("#revokeButton").query().isVisible()).isFalse();

        selectKey("Bob laptop");
        clickOn("#toggleButton");
        assertThat(visibleKeys().getFirst().permission()).isEqualTo("none");
        assertThat(lookup("#toggleButton").queryButton().isDisabled()).isTrue(); // enabling needs the setting
    }

    @Test
    void withTheSettingOnAUserMayCreateTheirOwnKeys() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.services().site().setUsersCanCreateApiKeys(
                app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()), true)).get();
        signIn("bob", BOB_PASSWORD);
        assertThat(lookup("#newKeyButton").query().isVisible()).isTrue();
        clickOn("#newKeyButton");
        assertThat(lookup("#ownerFixed").queryLabeled().getText()).isEqualTo("bob");
        clickOn("#nameField").write("Bob phone");
        clickOn("#createButton");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        assertThat(visibleKeys()).extracting(r -> r.name()).containsExactlyInAnyOrder("Bob laptop", "Bob phone");
    }

    @Test
    void aUserIsNotOfferedEnableForAKeyAnAdministratorDisabled() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            var admin = app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
            app.services().site().setUsersCanCreateApiKeys(admin, true);
            var bobKey = app.services().keys().list(admin).stream().filter(k -> k.name().equals("Bob laptop")).findFirst().orElseThrow();
            app.services().keys().disable(admin, bobKey.id());
        }).get();
        signIn("bob", BOB_PASSWORD);
        selectKey("Bob laptop");
        assertThat(lookup("#toggleButton").queryButton().getText()).isEqualTo("Enable");
        assertThat(lookup("#toggleButton").queryButton().isDisabled()).isTrue();

        clickOn("#newKeyButton");
        clickOn("#nameField").write("Bob phone");
        clickOn("#createButton");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        selectKey("Bob phone");
        clickOn("#toggleButton"); // bob disables his own key…
        selectKey("Bob phone");
        assertThat(lookup("#toggleButton").queryButton().isDisabled()).isFalse(); // …and may enable it again
        clickOn("#toggleButton");
        assertThat(visibleKeys()).filteredOn(r -> r.name().equals("Bob phone")).singleElement()
                .satisfies(r -> assertThat(r.permission()).isEqualTo("full"));
    }
}
