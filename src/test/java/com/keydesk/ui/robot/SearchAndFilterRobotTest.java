package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SearchAndFilterRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        var keys = store.services.keys();
        keys.create(store.admin, NewKey.forUser("bob", "Backup job", "nightly copy", PermissionSet.FILES_ONLY, null));
        keys.create(store.admin, NewKey.forUser("alice", "Laptop sync", null, PermissionSet.SYNC_APP,
                store.clock.instant().plus(Duration.ofDays(3))));
        keys.create(store.admin, NewKey.forUser("alice", "Office", null, PermissionSet.OFFICE_INTEGRATION, null));
    }

    @Test
    void searchAndStatusFilterNarrowTheTableAndTheCountSaysSo() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        assertThat(lookup("#keyCount").queryAs(Label.class).getText()).isEqualTo("3 keys");
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        write("bob");
        assertThat(visibleKeys()).extracting(r -> r.name()).containsExactly("Backup job");
        assertThat(lookup("#keyCount").queryAs(Label.class).getText()).isEqualTo("1 of 3 keys");

        doubleClickOn("#searchField").eraseText(3);
        clickOn("#statusFilter");
        // The popup's entry, not the badge in the table that reads the same.
        javafx.scene.Node entry = lookup(".combo-box-popup .list-cell").match((javafx.scene.Node n) ->
                n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null
                        && "Expiring soon".equals(c.getItem().toString())).query();
        clickOn(entry);
        assertThat(visibleKeys()).extracting(r -> r.name()).containsExactly("Laptop sync");
        assertThat(lookup(".badge").queryLabeled().getText()).isEqualTo("Expiring soon");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSortedTableStaysSortedWhileSearchingAndTheSelectedRowStaysSelected() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        javafx.scene.Node nameHeader = lookup(".column-header").match((javafx.scene.Node n) -> n.lookup(".label") instanceof Label l
                && "Name".equals(l.getText())).query();
        clickOn(nameHeader);
        assertThat(visibleKeys()).extracting(r -> r.name()).containsExactly("Backup job", "Laptop sync", "Office");
        selectKey("Office");
        clickOn("#searchField").write("alice");
        assertThat(visibleKeys()).extracting(r -> r.name()).containsExactly("Laptop sync", "Office");
        var table = (javafx.scene.control.TableView<com.keydesk.ui.keys.KeyRow>) lookup("#keyTable").match(javafx.scene.Node::isVisible).query();
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(r -> r.name()).containsExactly("Office");
        assertThat(lookup("#detailsButton").queryButton().isDisabled()).isFalse();
        write("x");
        assertThat(table.getSelectionModel().getSelectedItems()).isEmpty();
        assertThat(lookup("#detailsButton").queryButton().isDisabled()).isTrue();
    }
}
