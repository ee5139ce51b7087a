package com.keydesk.ui.robot;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDetailsRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Backup job", null, PermissionSet.FILES_ONLY,
                store.clock.instant().plus(Duration.ofDays(90))));
    }

    private ApiKey stored() {
        return app.services().keys().list(app.services().auth().signIn(TestStore.ADMIN,
                TestStore.ADMIN_PASSWORD.toCharArray())).getFirst();
    }

    @Test
    void renameAndMoveTheExpiryEarlier() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        clickOn("#detailsButton");
        assertThat(lookup("#saveButton").queryButton().isDisabled()).isTrue(); // nothing changed yet
        replaceText("#detailsName", "");
        assertThat(lookup("#saveButton").queryButton().isDisabled()).isTrue();
        write("Nightly backup");

        LocalDate in10Days = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).plusDays(10);
        DatePicker expiry = lookup("#detailsExpiry").queryAs(DatePicker.class);
        replaceText("#detailsExpiry .text-field", expiry.getConverter().toString(in10Days));
        type(KeyCode.TAB); // leaving the field commits the typed date
        clickOn("#saveButton");

        assertThat(lookup("#detailsName").tryQuery()).isEmpty(); // the dialog closed
        assertThat(visibleKeys()).singleElement().satisfies(row -> assertThat(row.name()).isEqualTo("Nightly backup"));
        ApiKey key = stored();
        assertThat(key.name()).isEqualTo("Nightly backup");
        assertThat(LocalDate.ofInstant(key.expiresAt(), ZoneId.systemDefault())).isEqualTo(in10Days.plusDays(1));
    }

    @Test
    void removeTheExpiry() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        clickOn("#detailsButton");
        clickOn("#detailsNoExpiry");
        assertThat(lookup("#detailsExpiry").query().isDisabled()).isTrue();
        clickOn("#saveButton");
        assertThat(stored().expiresAt()).isNull();
        assertThat(stored().name()).isEqualTo("Backup job");
    }

    @Test
    void aNameTooLongIsSaidBesideTheFieldAndNotSaved() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        clickOn("#detailsButton");
        clickOn("#detailsName").write("x".repeat(91)); // "Backup job" + 91 = 101
        assertThat(lookup(".field-error").match(n -> n.isVisible()).queryLabeled().getText())
                .isEqualTo("The key name can be at most 100 characters.");
        assertThat(lookup("#saveButton").queryButton().isDisabled()).isTrue();
        clickDialogButton("Close");
        assertThat(stored().name()).isEqualTo("Backup job");
    }
}
