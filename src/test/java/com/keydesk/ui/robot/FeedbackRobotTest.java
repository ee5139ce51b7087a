package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.keys.KeyRow;
import com.keydesk.ui.keys.inactive.InactiveRow;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the app says after an action: confirmations, the new key's row, the selected count, inactive keys. */
class FeedbackRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Backup job", null, PermissionSet.FILES_ONLY, null));
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Nightly", null, PermissionSet.FILES_ONLY, null));
        store.siteKey("CI deploy");
    }

    /** The texts of the confirmations now showing (ControlsFX notifications, in popups of their own). */
    private List<String> confirmations() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".keydesk-confirmation .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }

    @Test
    void aSingleDisableIsConfirmedByName() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        clickOn("#toggleButton");
        assertThat(confirmations()).contains("“Backup job” disabled");
        assertNothingUncaught();
    }

    @Test
    void aBulkRevokeListsTheKeysCountsTheSelectionAndConfirmsTheCount() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        press(KeyCode.CONTROL);
        selectKey("Nightly");
        release(KeyCode.CONTROL);
        assertThat(lookup("#selectedCount").queryLabeled().getText()).isEqualTo("2 selected");
        clickOn("#revokeButton");
        assertThat(dialogPane().getContentText()).contains("• Backup job — bob", "• Nightly — bob");
        clickDialogButton("Revoke 2 keys");
        assertThat(visibleKeys()).isEmpty();
        assertThat(confirmations()).contains("2 keys revoked");
        assertThat(lookup("#selectedCount").queryLabeled().getText()).isEmpty();
    }

    @Test
    void aNewKeyIsSelectedOrASentenceSaysTheFilterHidesIt() {
        signInAsAdmin();
        createSiteKey("Fresh");
        assertThat(selectedKeys()).extracting(KeyRow::name).containsExactly("Fresh");
        assertThat(confirmations()).contains("“Fresh” created");

        clickOn("#searchField").write("CI");
        createSiteKey("Hidden one");
        assertThat(lookup("#hiddenNotice").queryLabeled().getText())
                .isEqualTo("“Hidden one” was created, but the search or status filter hides it.");
        clickOn("#showHiddenKey");
        assertThat(selectedKeys()).extracting(KeyRow::name).containsExactly("Hidden one");
        assertThat(lookup("#hiddenNoticeBar").query().isVisible()).isFalse();
        assertNothingUncaught();
    }

    @Test
    void theInactiveViewNamesARevokedKeyWhoRevokedItAndWhen() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Backup job");
        clickOn("#revokeButton");
        clickDialogButton("Revoke");
        clickOn("#inactiveButton");
        Labeled heading = lookup("#inactiveHeading").queryLabeled();
        assertThat(heading.getText()).isEqualTo("Inactive keys");
        assertThat(heading.getStyleClass()).as("styled as the other windows' headings").contains("title-3");
        List<InactiveRow> rows = rowsOf("#inactiveTable");
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(clock.instant());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Backup job");
            assertThat(row.owner()).isEqualTo("bob");
            assertThat(row.by()).isEqualTo(TestStore.ADMIN);
            assertThat(row.when()).isEqualTo(when);
        });
        assertThat(lookup("#inactiveSummary").queryLabeled().getText()).isEqualTo("1 inactive key");
        clickOn("#inactiveClose");
        assertNothingUncaught();
    }

    @Test
    void theInactiveViewSaysAKeyWasReplacedNotOnlyRevoked() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        selectKey("Nightly");
        clickOn("#replaceButton");
        clickDialogButton("Revoke and create a new key");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        clickOn("#inactiveButton");
        List<InactiveRow> rows = rowsOf("#inactiveTable");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Nightly");
            assertThat(row.state()).isEqualTo("Replaced");
            assertThat(row.by()).isEqualTo(TestStore.ADMIN);
        });
        clickOn("#inactiveClose");
        assertNothingUncaught();
    }

    @Test
    void aLongConfirmationStaysInsideTheWindowWhenAShorterOneStacksUnderIt() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        createSiteKey("Nightly export of the usage reports to the BI warehouse");
        assertThat(confirmations()).containsExactly("“Nightly export of the usage reports to the BI warehouse” created");
        assertConfirmationsInsideTheWindow();

        selectKey("CI deploy");
        clickOn("#toggleButton");
        assertThat(confirmations()).containsExactlyInAnyOrder(
                "“Nightly export of the usage reports to the BI warehouse” created", "“CI deploy” disabled");
        assertConfirmationsInsideTheWindow();
        assertNothingUncaught();
    }

    /** Each confirmation showing lies whole inside the main window (ControlsFX moves them after showing). */
    private void assertConfirmationsInsideTheWindow() throws InterruptedException {
        Thread.sleep(500);   // ControlsFX's stacking animation, 350 ms
        WaitForAsyncUtils.waitForFxEvents();
        for (Node bar : lookup(".keydesk-confirmation").queryAll()) {
            javafx.geometry.Bounds onScreen = bar.localToScreen(bar.getBoundsInLocal());
            assertThat(onScreen.getMaxX()).as("right edge of a confirmation, inside the window's")
                    .isLessThanOrEqualTo(stage.getX() + stage.getWidth());
            assertThat(onScreen.getMinX()).isGreaterThanOrEqualTo(stage.getX());
        }
    }

    private void createSiteKey(String name) {
        clickOn("#newKeyButton");
        clickOn("#nameField").write(name);
        clickOn("#createButton");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private List<KeyRow> selectedKeys() {
        TableView<KeyRow> table = (TableView<KeyRow>) lookup("#keyTable").match(Node::isVisible).query();
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }
}
