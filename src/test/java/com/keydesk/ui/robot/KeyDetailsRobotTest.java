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
        store.allowUsersToCreateKeys(true);
    }

    private void openDetails() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        clickOn("#detailsButton");
    }

    /** The text a label shows on screen (a label too narrow shows "…" instead of its text). */
    private String shownText(String labelText) {
        javafx.scene.control.Label label = lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l
                && labelText.equals(l.getText()) && l.getScene() != stage.getScene()).query();
        return ((javafx.scene.text.Text) label.lookup(".text")).getText();
    }

    @Test
    void theEditableFieldsAreLabelledInFull() {
        openDetails();
        assertThat(shownText("Name")).isEqualTo("Name");
        assertThat(shownText("Description")).isEqualTo("Description");
        assertThat(shownText("Expires")).isEqualTo("Expires");
        clickDialogButton("Close");
    }

    @Test
    void escapeWithoutEditsClosesAtOnce() {
        openDetails();
        type(KeyCode.ESCAPE);
        assertThat(lookup("#detailsName").tryQuery()).isEmpty();
        assertNothingUncaught();
    }

    @Test
    void escapeAfterAnEditAsksBeforeThrowingItAway() {
        openDetails();
        clickOn("#detailsName").write(" 2");
        type(KeyCode.ESCAPE);
        assertThat(dialogPane().getHeaderText()).isEqualTo("Discard your changes?");
        clickDialogButton("Cancel");
        assertThat(lookup("#detailsName").queryTextInputControl().getText()).isEqualTo("Backup job 2"); // still open
        clickDialogButton("Close");   // the Close button asks the same
        clickDialogButton("Discard changes");
        assertThat(lookup("#detailsName").tryQuery()).isEmpty();
        assertThat(stored().name()).isEqualTo("Backup job");
    }

    @Test
    void aNonAdministratorIsNotOfferedNoExpiryNorALaterDate() {
        signIn("bob", "bob password 123");
        selectKey("Backup job");
        clickOn("#detailsButton");
        assertThat(lookup("#detailsNoExpiry").query().isVisible()).isFalse();
        LocalDate later = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).plusDays(200);
        DatePicker expiry = lookup("#detailsExpiry").queryAs(DatePicker.class);
        replaceText("#detailsExpiry .text-field", expiry.getConverter().toString(later));
        type(KeyCode.TAB);
        javafx.scene.control.Label error = lookup("#detailsExpiryError").queryAs(javafx.scene.control.Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Only an administrator can move this key’s expiry later; you may only make it earlier.");
        assertThat(((javafx.scene.text.Text) error.lookup(".text")).getText()).doesNotEndWith("…");
        assertThat(error.localToScreen(error.getBoundsInLocal()).getMaxY())
                .as("the sentence is inside the window").isLessThanOrEqualTo(error.getScene().getWindow().getY()
                        + error.getScene().getWindow().getHeight());
    }

    @Test
    void aDateInThePastTypedIsExplainedBesideTheField() {
        openDetails();
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).minusDays(1);
        DatePicker expiry = lookup("#detailsExpiry").queryAs(DatePicker.class);
        replaceText("#detailsExpiry .text-field", expiry.getConverter().toString(yesterday));
        type(KeyCode.TAB);
        assertThat(lookup("#detailsExpiryError").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("The expiry date must be in the future.");
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
