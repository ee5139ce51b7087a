package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import com.keydesk.ui.keys.KeyRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key table with more keys than it holds (the threshold set to 50 here, 20,000 in the app): read
 * from the store a page at a time as the person scrolls, searches, filters and sorts, with the
 * selection kept by key, bulk actions on keys selected on different pages, and a key just made
 * found by its position and selected. Every read goes through the task runner (the suite fails on
 * a service call on the JavaFX thread).
 */
class PagedKeyTableRobotTest extends AppRobotTest {
    private static final int KEYS = 300;

    @BeforeAll
    static void readAPageAtATimeAboveFiftyKeys() {
        System.setProperty("keydesk.table.pagedAbove", "50");
    }

    @AfterAll
    static void backToTheDefault() {
        System.clearProperty("keydesk.table.pagedAbove");
    }

    @Override
    protected void seed(TestStore store) {
        for (int i = 0; i < KEYS; i++) {
            store.siteKey(String.format("key %03d", i));
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<KeyRow> table() {
        return (TableView<KeyRow>) lookup("#keyTable").match(Node::isVisible).query();
    }

    private String count() {
        return lookup("#keyCount").queryAs(Label.class).getText();
    }

    /**
     * The table is read a page at a time: the search says what it matches, and a row far below
     * the first page has not been read (it is blank) until it is scrolled to.
     */
    private void assertReadAPageAtATime() {
        assertThat(lookup("#searchField").queryAs(TextField.class).getPromptText()).isEqualTo("Start of a name or owner");
        assertThat(table().getItems()).hasSize(KEYS);
        assertThat(table().getItems().get(KEYS - 1).name()).as("a row of a page not read yet").isEmpty();
    }

    private void scrollTo(int index) {
        interact(() -> table().scrollTo(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The names in the rows the table draws now, top to bottom (a row still loading has no name). */
    private List<String> drawnNames() {
        List<TableRow<?>> drawn = new ArrayList<>();
        lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> r && r.isVisible() && r.getItem() != null
                && r.getTableView() == table()).queryAll().forEach(n -> drawn.add((TableRow<?>) n));
        drawn.sort(java.util.Comparator.comparingInt(TableRow::getIndex));
        return drawn.stream().map(r -> ((KeyRow) r.getItem()).name()).toList();
    }

    private TableRow<?> rowOf(String name) {
        return lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> r && r.getItem() instanceof KeyRow k
                && k.name().equals(name) && r.isVisible()).query();
    }

    private void sortByName() {
        Node header = lookup(".column-header").match((Node n) -> n.lookup(".label") instanceof Label l
                && "Name".equals(l.getText())).query();
        clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scrollingSearchingFilteringAndSortingReadThePagesFromTheStore() {
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        assertThat(count()).isEqualTo("300 keys");
        assertReadAPageAtATime();
        assertThat(drawnNames()).startsWith("key 299", "key 298");

        scrollTo(KEYS - 1);   // past the first page: the last one is read as it comes into view
        assertThat(drawnNames()).endsWith("key 001", "key 000");

        // the store's search: the start of a name ("ey 01" is inside "key 010" but does not start it)
        clickOn("#searchField").write("key 01");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count()).isEqualTo("10 of 300 keys");
        assertThat(drawnNames()).containsExactly("key 019", "key 018", "key 017", "key 016", "key 015", "key 014",
                "key 013", "key 012", "key 011", "key 010");
        doubleClickOn("#searchField").eraseText(6).write("ey 01");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count()).isEqualTo("0 of 300 keys");
        doubleClickOn("#searchField").eraseText(5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count()).isEqualTo("300 keys");

        sortByName();
        assertThat(drawnNames()).startsWith("key 000", "key 001", "key 002");
        sortByName();
        assertThat(drawnNames()).startsWith("key 299", "key 298");
        scrollTo(KEYS - 1);
        assertThat(drawnNames()).endsWith("key 001", "key 000");

        // the store cannot order by status: in this table it is not sortable, and its header says why
        TableColumn<KeyRow, ?> status = table().getColumns().stream()
                .filter(c -> c.getGraphic() instanceof Label l && l.getText().equals("Status")).findFirst().orElseThrow();
        assertThat(status.isSortable()).isFalse();
        assertThat(((Label) status.getGraphic()).getTooltip().getText()).startsWith("Not sortable with more than 50 keys");
        assertNothingUncaught();
    }

    @Test
    void keysSelectedOnTwoPagesAreDisabledTogetherAndStaySelected() {
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        assertReadAPageAtATime();
        sortByName();   // key 000 first
        clickOn(rowOf("key 000"));
        scrollTo(250);
        press(KeyCode.CONTROL).clickOn(rowOf("key 255")).release(KeyCode.CONTROL);
        assertThat(lookup("#selectedCount").queryAs(Label.class).getText()).isEqualTo("2 selected");
        clickOn("#toggleButton");
        assertThat(dialogPane().getHeaderText() + dialogPane().getContentText()).contains("key 000", "key 255");
        clickDialogButton("Disable 2 keys");

        assertThat(table().getSelectionModel().getSelectedItems()).extracting(KeyRow::name)
                .containsExactlyInAnyOrder("key 000", "key 255");
        assertThat(table().getSelectionModel().getSelectedItems())
                .allSatisfy(r -> assertThat(r.disabledByAdmin()).as(r.name()).isTrue());
        assertThat(lookup("#toggleButton").queryButton().getText()).isEqualTo("Enable");

        // filtered by the store: the two disabled keys, from different pages
        clickOn("#statusFilter");
        Node disabled = lookup(".combo-box-popup .list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() != null && "Disabled".equals(c.getItem().toString())).query();
        clickOn(disabled);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count()).isEqualTo("2 of 300 keys");
        assertThat(drawnNames()).containsExactly("key 000", "key 255");
        assertNothingUncaught();
    }

    @Test
    void aKeyMadeHereIsFoundOnItsPageSelectedAndScrolledTo() {
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        assertReadAPageAtATime();
        sortByName();   // the new key sorts last, on the second page, which has not been read
        clickOn("#newKeyButton");
        clickOn("#nameField").write("key 2505");
        clickOn("#createButton");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(count()).isEqualTo("301 keys");
        assertThat(table().getSelectionModel().getSelectedIndex()).isEqualTo(KEYS);
        assertThat(table().getSelectionModel().getSelectedItem().name()).isEqualTo("key 2505");
        assertThat(drawnNames()).contains("key 2505");
        assertNothingUncaught();
    }
}
