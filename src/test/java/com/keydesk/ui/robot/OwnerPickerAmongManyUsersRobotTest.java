package com.keydesk.ui.robot;

import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "New user key" on a site of 10,000 users (the demo filler, which the service adds in one
 * transaction with cheap hashes): the owner list offers the matches of what is typed, a name
 * found only by a whole pass (contained, not a prefix) included, and a click takes one.
 */
class OwnerPickerAmongManyUsersRobotTest extends AppRobotTest {
    private static final int USERS = 10_000;

    @Override
    protected void seed(TestStore store) {
        store.services.demoData().fill(store.admin, 0, USERS);   // about 11 s on H2 here
    }

    @Test
    void theListShowsTheMatchesAndAClickTakesOne() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickOn("#newKeyButton");
        clickOn("#nameField").write("Demo sync");
        clickOn("#ownerField").write("demo0042");
        assertThat(offeredNames()).as("the first names that start with it, at most a dozen")
                .hasSize(12).allMatch(n -> n.startsWith("demo0042")).startsWith("demo004200", "demo004201");

        write("00");
        assertThat(offeredNames()).containsExactly("demo004200");
        eraseText(6);
        write("9999");   // "demo9999": no such name
        assertThat(offeredNames()).isEmpty();
        eraseText(8);
        write("09999");  // in demo009999 only, and not at its start: found by a pass over all 10,000
        assertThat(offeredNames()).containsExactly("demo009999");
        clickOn(row("demo009999"));
        assertNothingUncaught();
        assertThat(lookup("#ownerField").queryTextInputControl().getText()).isEqualTo("demo009999");
        assertThat(lookup("#ownerSuggestions").query().isVisible()).isFalse();

        clickOn("#createButton");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        assertNothingUncaught();
        Session admin = app.services().auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
        assertThat(app.services().keys().list(admin)).filteredOn(k -> "demo009999".equals(k.ownerUsername()))
                .singleElement().satisfies(k -> assertThat(k.name()).isEqualTo("Demo sync"));
    }

    /** The names the owner list shows now (empty when it is closed). */
    @SuppressWarnings("unchecked")
    private List<String> offeredNames() {
        WaitForAsyncUtils.waitForFxEvents();
        ListView<String> list = lookup("#ownerSuggestions").queryAs(ListView.class);
        return list.isVisible() ? List.copyOf(list.getItems()) : List.of();
    }

    private Node row(String username) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#ownerSuggestions .list-cell")
                    .match((Node n) -> n instanceof ListCell<?> c && username.equals(c.getItem())).tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("the owner list did not offer " + username, e);
        }
        return lookup("#ownerSuggestions .list-cell")
                .match((Node n) -> n instanceof ListCell<?> c && username.equals(c.getItem())).query();
    }
}
