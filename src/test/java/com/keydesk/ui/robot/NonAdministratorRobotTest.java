package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

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
        asAnotherPerson(() -> app.services().site().setUsersCanCreateApiKeys(
                app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray()), true));
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
        asAnotherPerson(() -> {
            var admin = app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
            app.services().site().setUsersCanCreateApiKeys(admin, true);
            var bobKey = app.services().keys().list(admin).stream().filter(k -> k.name().equals("Bob laptop")).findFirst().orElseThrow();
            app.services().keys().disable(admin, bobKey.id());
        });
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
        // the form started with the site's default permission set, which enable restores
        assertThat(visibleKeys()).filteredOn(r -> r.name().equals("Bob phone")).singleElement()
                .satisfies(r -> assertThat(r.permission()).isEqualTo("files_only"));
    }

    @Test
    void withAMaximumLifetimeNeverIsNotOfferedAndTheFormSaysWhy() throws Exception {
        asAnotherPerson(() -> {
            var admin = app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
            app.services().site().setUsersCanCreateApiKeys(admin, true);
            app.services().site().setMaxKeyLifetimeDays(admin, 30);
        });
        signIn("bob", BOB_PASSWORD);
        clickOn("#newKeyButton");
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<?> expiry = lookup("#expiryField").queryComboBox();
        clickOn(expiry);   // open the list, as a person would
        List<String> offered = lookup(".combo-box-popup .list-cell").queryAll().stream()
                .map(cell -> ((ListCell<?>) cell).getText()).filter(text -> text != null && !text.isEmpty()).toList();
        assertThat(offered).containsExactly("In 7 days", "In 30 days", "On a date…").doesNotContain("Never");
        type(KeyCode.ESCAPE);
        assertThat(expiry.getValue()).hasToString("In 30 days");
        assertThat(lookup("#expiryLimitHint").queryLabeled().getText()).startsWith("On this site a key you make expires"
                + " within 30 days");
        assertThat(lookup("#permissionField").queryComboBox().getValue()).isEqualTo(PermissionSet.FILES_ONLY);
        assertThat(lookup("#permissionAbout").queryLabeled().getText()).startsWith("The owner’s files and folders only");

        clickOn("#nameField").write("Bob tablet");
        clickOn("#createButton");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        assertThat(visibleKeys()).extracting(r -> r.name()).contains("Bob tablet");
    }
}
