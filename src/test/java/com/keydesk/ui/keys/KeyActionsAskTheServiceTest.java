package com.keydesk.ui.keys;

import com.keydesk.domain.KeyActionsAllowed;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Session;
import com.keydesk.ui.UiFixture;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The key actions offer what the service's allowedActions answers, with its sentence for what it refuses. */
class KeyActionsAskTheServiceTest {
    @TempDir
    Path dir;

    @Test
    void anOwnerCannotEnableAKeyAnAdministratorDisabledAndIsToldWhy() {
        try (UiFixture ui = new UiFixture(dir)) {
            Session bob = ui.store.addUser("bob");
            ui.store.allowUsersToCreateKeys(true);
            long id = ui.store.services.keys().create(ui.store.admin,
                    NewKey.forUser("bob", "Laptop", null, PermissionSet.DESKTOP_APP, null)).key().id();
            ui.store.services.keys().disable(ui.store.admin, id);
            KeyTableViewModel vm = new KeyTableViewModel(ui.as(bob), KeyScope.MY_KEYS, ui.keyDialogs, false,
                    new SimpleBooleanProperty(true), ZoneOffset.UTC);
            vm.reload();
            KeyActions actions = vm.actions();
            assertThat(actions.canToggleProperty().get()).isFalse();

            vm.selected().setAll(vm.rows());

            KeyActionsAllowed service = ui.store.services.keys().allowedActions(bob, List.of(id)).getFirst();
            assertThat(actions.toggleTextProperty().get()).isEqualTo("Enable");
            assertThat(actions.canToggleProperty().get()).isEqualTo(service.enable().allowed()).isFalse();
            assertThat(actions.toggleReasonProperty().get()).isEqualTo(service.enable().reason())
                    .isEqualTo("An administrator disabled this key; only an administrator can enable it again.");
            assertThat(actions.canRevokeProperty().get()).isEqualTo(service.revoke().allowed()).isTrue();
            assertThat(actions.revokeReasonProperty().get()).isEmpty();

            ui.store.allowUsersToCreateKeys(false);
            actions.askAllowed();
            assertThat(actions.canRevokeProperty().get()).isFalse();
            assertThat(actions.revokeReasonProperty().get())
                    .isEqualTo("This site does not let users manage their own API keys; ask an administrator.");
        }
    }
}
