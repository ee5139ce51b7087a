package com.keydesk.ui.keys;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.UiFixture;
import com.keydesk.ui.keys.inactive.InactiveRow;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** What a key table says after an action: confirmations, the new key's row, the selected count, the inactive keys. */
class KeyFeedbackTest {
    @TempDir
    Path dir;

    private KeyTableViewModel table(UiFixture ui, KeyScope scope) {
        KeyTableViewModel vm = new KeyTableViewModel(ui.admin(), scope, ui.keyDialogs, true,
                new SimpleBooleanProperty(true), ZoneOffset.UTC);
        vm.reload();
        return vm;
    }

    private void userKeys(UiFixture ui, String owner, String... names) {
        for (String name : names) {
            ui.store.services.keys().create(ui.store.admin, NewKey.forUser(owner, name, null, PermissionSet.FILES_ONLY, null));
        }
    }

    @Test
    void aBulkDisableListsTheKeysThenConfirmsTheCount() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            userKeys(ui, "bob", "Backup job", "Nightly");
            userKeys(ui, "alice", "Laptop sync");
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            vm.selected().setAll(vm.rows());
            vm.actions().toggleEnabled();

            assertThat(ui.dialogs.last().sentence()).contains("• Backup job — bob", "• Nightly — bob", "• Laptop sync — alice");
            assertThat(ui.confirmations.shown()).containsExactly("3 keys disabled");
        }
    }

    @Test
    void aSingleRevokeIsConfirmedByName() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("CI deploy");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.selected().setAll(vm.rows());
            vm.actions().revoke();
            assertThat(ui.confirmations.last()).isEqualTo("“CI deploy” revoked");
        }
    }

    @Test
    void nothingIsConfirmedWhenThePersonSaysNo() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("One");
            ui.store.siteKey("Two");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.selected().setAll(vm.rows());
            ui.dialogs.answer = false;
            vm.actions().revoke();
            assertThat(ui.confirmations.shown()).isEmpty();
        }
    }

    @Test
    void aLongSelectionIsSummarised() {
        try (UiFixture ui = new UiFixture(dir)) {
            for (int i = 1; i <= 12; i++) {
                ui.store.siteKey("Key " + i);
            }
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.selected().setAll(vm.rows());
            ui.dialogs.answer = false;
            vm.actions().revoke();
            String sentence = ui.dialogs.last().sentence();
            assertThat(sentence.lines().filter(l -> l.startsWith("• "))).hasSize(KeyList.SHOWN - 1);
            assertThat(sentence).contains("• Key 12 — site key").endsWith("and 5 more");
        }
    }

    @Test
    void theSelectedCountFollowsTheSelection() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("One");
            ui.store.siteKey("Two");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            assertThat(vm.selectedCountProperty().get()).isEmpty();
            vm.selected().setAll(vm.rows());
            assertThat(vm.selectedCountProperty().get()).isEqualTo("2 selected");
        }
    }

    @Test
    void aNewKeyIsSelectedAndConfirmed() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("Older");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            ui.keyDialogs.onCreate = form -> {
                form.load();
                form.nameProperty().set("Fresh");
                form.create();
            };
            vm.newKey();
            assertThat(vm.selected()).extracting(KeyRow::name).containsExactly("Fresh");
            assertThat(vm.revealedProperty().get().name()).isEqualTo("Fresh");
            assertThat(vm.hiddenNoticeProperty().get()).isEmpty();
            assertThat(ui.confirmations.last()).isEqualTo("“Fresh” created");
        }
    }

    @Test
    void aNewKeyTheSearchHidesGetsASentenceAndCanBeShown() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("Older");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.searchProperty().set("Older");
            ui.keyDialogs.onCreate = form -> {
                form.load();
                form.nameProperty().set("Fresh");
                form.create();
            };
            vm.newKey();
            assertThat(vm.selected()).isEmpty();
            assertThat(vm.hiddenNoticeProperty().get())
                    .isEqualTo("“Fresh” was created, but the search or status filter hides it.");
            vm.showHiddenKey();
            assertThat(vm.searchProperty().get()).isEmpty();
            assertThat(vm.selected()).extracting(KeyRow::name).containsExactly("Fresh");
            assertThat(vm.hiddenNoticeProperty().get()).isEmpty();
        }
    }

    @Test
    void savedDetailsAreConfirmedByTheNewName() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("CI deploy");
            KeyTableViewModel vm = table(ui, KeyScope.SITE_KEYS);
            vm.selected().setAll(vm.rows());
            ui.keyDialogs.onDetails = details -> {
                details.nameProperty().set("CI release");
                details.save();
            };
            vm.showDetails();
            assertThat(ui.confirmations.shown()).containsExactly("Changes to “CI release” saved");
        }
    }

    @Test
    void theInactiveKeysNameWhoRevokedAKeyAndWhen() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            userKeys(ui, "bob", "Backup job");
            KeyTableViewModel vm = table(ui, KeyScope.USER_KEYS);
            vm.selected().setAll(vm.rows());
            vm.actions().revoke();
            vm.showInactive();
            var inactive = ui.keyDialogs.lastInactive;
            String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC)
                    .format(ui.store.clock.instant());
            assertThat(inactive.rows()).extracting(InactiveRow::name, InactiveRow::owner, InactiveRow::state,
                    InactiveRow::by, InactiveRow::when).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Backup job", "bob", "Revoked", "alice", when));
            assertThat(inactive.summaryProperty().get()).isEqualTo("1 inactive key");
        }
    }
}
