package com.keydesk.ui.robot;

import com.keydesk.domain.KeyActionsAllowed;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.keys.KeyRow;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A non-administrator's key toolbar offers exactly what the service's allowedActions answers, and says why not. */
class KeyActionsMatchTheServiceRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.allowUsersToCreateKeys(true);
        long disabled = store.services.keys().create(store.admin,
                NewKey.forUser("bob", "Disabled by admin", null, PermissionSet.DESKTOP_APP, null)).key().id();
        store.services.keys().disable(store.admin, disabled);
        store.services.keys().create(store.admin, NewKey.forUser("bob", "Working", null, PermissionSet.SYNC_APP, null));
    }

    @Test
    void eachButtonIsEnabledExactlyWhenTheServiceAllowsItsAction() {
        signIn("bob", "bob password 123");
        Session bob = app.services().auth().signIn("bob", "bob password 123".toCharArray());
        for (String name : List.of("Disabled by admin", "Working")) {
            selectKey(name);
            long id = visibleKeys().stream().filter(k -> k.name().equals(name)).findFirst().map(KeyRow::id).orElseThrow();
            KeyActionsAllowed service = app.services().keys().allowedActions(bob, List.of(id)).getFirst();
            boolean enables = lookup("#toggleButton").queryButton().getText().equals("Enable");
            assertThat(!lookup("#toggleButton").queryButton().isDisabled()).as(name + " toggle")
                    .isEqualTo((enables ? service.enable() : service.disable()).allowed());
            assertThat(!lookup("#revokeButton").queryButton().isDisabled()).as(name + " revoke")
                    .isEqualTo(service.revoke().allowed());
            assertThat(!lookup("#replaceButton").queryButton().isDisabled()).as(name + " replace")
                    .isEqualTo(service.replace().allowed());
        }
        selectKey("Disabled by admin");
        assertThat(lookup("#toggleButton").queryButton().isDisabled()).isTrue();
        // the disabled button says why, in the service's words, on the holder around it
        long id = visibleKeys().stream().filter(k -> k.name().equals("Disabled by admin")).findFirst()
                .map(KeyRow::id).orElseThrow();
        String why = app.services().keys().allowedActions(bob, List.of(id)).getFirst().enable().reason();
        assertThat(why).isNotBlank();
        Object tooltip = lookup("#toggleButtonHolder").query().getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip).isInstanceOf(Tooltip.class);
        assertThat(((Tooltip) tooltip).getText()).isEqualTo(why);
        assertThat(lookup("#toggleButton").queryButton().getAccessibleHelp()).isEqualTo(why);
        assertNothingUncaught();
    }
}
