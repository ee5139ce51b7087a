package com.keydesk.ui.robot;

import com.keydesk.domain.IssuedKey;
import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.FakeFilePicker;
import com.keydesk.ui.keys.KeyRow;
import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsRobotTest extends AppRobotTest {
    private String nightlySecret;
    private final FakeFilePicker files = new FakeFilePicker();

    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        IssuedKey nightly = store.siteKey("Nightly backup");
        nightlySecret = nightly.secret().reveal();
    }

    @Test
    void turningTheSettingOnGivesAUserCreateOnTheirKeys() {
        signIn("bob", "bob password 123");
        assertThat(lookup("#newKeyButton").query().isVisible()).isFalse();
        signOut();
        signInAsAdmin();
        clickOn("#nav-SETTINGS");
        assertThat(lookup("#settingsScreen").tryQuery()).isPresent();
        clickOn("#usersCanCreateToggle");
        assertThat(dialogPane().getHeaderText()).isEqualTo("Let every user create their own API keys?");
        assertThat(app.services().site().site(adminSession()).usersCanCreateApiKeys()).isFalse();   // not before the answer
        clickDialogButton("Turn on for every user");
        assertThat(app.services().site().site(adminSession()).usersCanCreateApiKeys()).isTrue();
        assertThat(lookup("#settingStatus").queryLabeled().getText())
                .isEqualTo("Saved: users who are not administrators may now create and manage their own keys.");
        signOut();
        signIn("bob", "bob password 123");
        assertThat(lookup("#nav-SETTINGS").tryQuery()).isEmpty();
        assertThat(lookup("#newKeyButton").query().isVisible()).isTrue();
    }

    @Test
    void turningTheSiteWideSwitchOffCanBeCancelledAndNothingChanges() {
        app.services().site().setUsersCanCreateApiKeys(adminSession(), true);
        signInAsAdmin();
        clickOn("#nav-SETTINGS");
        ToggleSwitch toggle = lookup("#usersCanCreateToggle").queryAs(ToggleSwitch.class);
        assertThat(toggle.isSelected()).isTrue();
        clickOn(toggle);
        assertThat(dialogPane().getHeaderText()).isEqualTo("Stop users managing their own API keys?");
        assertThat(dialogPane().getContentText()).contains("every user");
        Captures.save(dialogPane().getScene(), "settings-switch-asks");
        clickDialogButton("Cancel");
        assertThat(toggle.isSelected()).as("the switch shows the setting, which did not change").isTrue();
        assertThat(app.services().site().site(adminSession()).usersCanCreateApiKeys()).isTrue();
        assertThat(lookup("#settingStatus").queryLabeled().isVisible()).isFalse();

        clickOn(toggle);
        clickDialogButton("Turn off for every user");
        assertThat(toggle.isSelected()).isFalse();
        assertThat(app.services().site().site(adminSession()).usersCanCreateApiKeys()).isFalse();
        assertThat(lookup("#settingStatus").queryLabeled().getText())
                .isEqualTo("Saved: users who are not administrators may now only see and disable their keys.");
        assertNothingUncaught();
    }

    @Test
    void aClipboardTimeThatIsNoNumberInRangeGetsASentenceAndTheTimeStays() {
        signInAsAdmin();
        clickOn("#nav-SETTINGS");
        Spinner<?> spinner = lookup("#clearSecondsSpinner").queryAs(Spinner.class);
        replaceText("#clearSecondsSpinner .text-field", "ten");
        type(KeyCode.ENTER);
        assertThat(lookup("#clearSecondsError").queryLabeled().getText())
                .isEqualTo("The clipboard time must be a whole number of seconds from 5 to 300, not “ten”; it stays at 30 seconds.");
        assertThat(spinner.getValue()).isEqualTo(30);
        assertThat(spinner.getEditor().getText()).isEqualTo("30");
        Captures.save(spinner.getScene(), "settings-clipboard-sentence");

        replaceText("#clearSecondsSpinner .text-field", "900");
        type(KeyCode.ENTER);
        assertThat(lookup("#clearSecondsError").queryLabeled().getText()).contains("not “900”; it stays at 30 seconds");
        assertThat(spinner.getValue()).isEqualTo(30);

        replaceText("#clearSecondsSpinner .text-field", "45");
        type(KeyCode.ENTER);
        assertThat(spinner.getValue()).isEqualTo(45);
        assertThat(lookup("#clearSecondsError").queryLabeled().isVisible()).isFalse();
        assertNothingUncaught();
    }

    @Test
    void clipboardTimeIsAPreferenceOfThisComputer() {
        signInAsAdmin();
        clickOn("#nav-SETTINGS");
        Spinner<?> spinner = lookup("#clearSecondsSpinner").queryAs(Spinner.class);
        clickOn(spinner.lookup(".increment-arrow-button"));
        assertThat(spinner.getValue()).isEqualTo(35);
        clickOn("#darkTheme");
        assertThat(lookup("#darkTheme").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        clickOn("#lightTheme");
    }

    @Test
    void onA1024x700ScreenTheBackupsSentenceIsScrolledIntoView() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        app.useFilePicker(files);
        files.backupTarget = folder.getParent().resolve("small-screen.zip");
        signInAsAdmin();
        clickOn("#nav-SETTINGS");
        clickOn("#backupButton");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node status = lookup("#backupStatus").query();
        javafx.scene.Node page = ancestor(status, javafx.scene.control.ScrollPane.class);
        javafx.geometry.Bounds shown = page.localToScreen(page.getLayoutBounds());
        javafx.geometry.Bounds sentence = status.localToScreen(status.getLayoutBounds());
        assertThat(sentence.getMaxY()).as("the sentence's bottom, inside the page's view").isLessThanOrEqualTo(shown.getMaxY());
        assertThat(sentence.getMinY()).isGreaterThanOrEqualTo(shown.getMinY());
        Thread.sleep(500);   // the confirmation's slide-in, 350 ms
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<Node> confirmations = List.copyOf(lookup(".keydesk-confirmation").queryAll());
        assertThat(confirmations).as("the Backup written confirmation").isNotEmpty();
        for (Node bar : confirmations) {
            assertThat(bar.localToScreen(bar.getBoundsInLocal()).intersects(sentence))
                    .as("the sentence lies under a confirmation").isFalse();
        }
    }

    private static javafx.scene.Node ancestor(javafx.scene.Node node, Class<?> type) {
        for (javafx.scene.Node at = node.getParent(); at != null; at = at.getParent()) {
            if (type.isInstance(at)) {
                return at;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " around " + node);
    }

    @Test
    void aKeyRevokedAfterABackupIsBackAfterRestoreAndVerifies() throws Exception {
        app.useFilePicker(files);
        Path backup = folder.getParent().resolve("before.zip");
        files.backupTarget = backup;
        signInAsAdmin();
        clickOn("#nav-SETTINGS");
        clickOn("#backupButton");
        assertThat(Files.size(backup)).isPositive();
        assertThat(lookup("#backupStatus").queryLabeled().getText()).startsWith("Backed up the store to " + backup);

        long nightly = app.services().keys().list(adminSession()).getFirst().id();
        app.services().keys().revoke(adminSession(), nightly);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.services().verifier().verify(nightlySecret))
                .isInstanceOf(com.keydesk.domain.KeyRejectedException.class);

        files.backupToRestore = backup;
        clickOn("#restoreButton");
        assertThat(dialogPane().getContentText()).contains(backup.toString()).contains("kept beside it");
        clickDialogButton("Restore");
        assertThat(dialogPane().getHeaderText()).isEqualTo("Store restored");
        clickDialogButton("OK");
        assertThat(lookup("#signInButton").tryQuery()).isPresent();
        try (var kept = Files.list(folder)) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("keydesk.mv.db.before-restore-"));
        }

        signInAsAdmin();
        assertThat(visibleKeys()).extracting(KeyRow::name).contains("Nightly backup");
        assertThat(app.services().verifier().verify(nightlySecret).name()).isEqualTo("Nightly backup");
        assertThat(app.services().audit().entries(adminSession())).last()
                .satisfies(e -> assertThat(e.action()).isEqualTo("store.restored"));
        assertThat(app.services().audit().verify(adminSession()).intact()).isTrue();
    }

    @Test
    void restoringFromAFileThatIsNoBackupSaysSoAndKeepsTheStore() throws Exception {
        app.useFilePicker(files);
        Path notABackup = Files.writeString(folder.getParent().resolve("notes.zip"), "hello");
        files.backupToRestore = notABackup;
        signInAsAdmin();
        clickOn("#nav-SETTINGS");
        clickOn("#restoreButton");
        clickDialogButton("Restore");
        assertThat(lookup("#backupError").queryLabeled().getText()).contains("is not a KeyDesk backup");
        clickOn("#nav-SITE_KEYS");
        assertThat(visibleKeys()).extracting(KeyRow::name).containsExactly("Nightly backup");
    }

    private Session adminSession() {
        return app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
    }
}
