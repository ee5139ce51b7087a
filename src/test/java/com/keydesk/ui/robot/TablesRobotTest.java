package com.keydesk.ui.robot;

import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.TextCell;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The key and user tables: natural order, whole text of cut cells, compact rows, columns that fit. */
class TablesRobotTest extends AppRobotTest {
    private static final String LONG_NAME = "Nightly export of every usage report to the warehouse in Frankfurt";

    @Override
    protected void seed(TestStore store) {
        store.addUser("demo000042");
        store.addUser("Demo000007");
        var keys = store.services.keys();
        for (String name : List.of("Sync job 1272", "sync job 13", "Sync job 2", "Sync job 130", LONG_NAME)) {
            keys.create(store.admin, NewKey.forUser("demo000042", name, null, PermissionSet.OFFICE_INTEGRATION, null));
        }
    }

    private void sizeWindow(double width, double height) throws Exception {
        FxToolkit.setupFixture(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private void clickHeader(String title) {
        Node header = lookup(".column-header").match((Node n) -> n.isVisible() && n.lookup(".label") instanceof Label l
                && title.equals(l.getText()) && n.getScene() == stage.getScene() && shown(n)).query();
        clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<?> visibleTable(String id) {
        return lookup(id).match((Node n) -> shown(n)).queryAs(TableView.class);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The cell of the table showing this text, in the column with this title. */
    private TextCell<?, ?> cell(TableView<?> table, String columnTitle, String text) {
        return (TextCell<?, ?>) lookup((Node n) -> n instanceof TextCell<?, ?> c && text.equals(c.getText())
                && c.getTableColumn() != null && columnTitle.equals(c.getTableColumn().getText())
                && c.getTableView() == table).query();
    }

    /** The cells of a column that show a row (not the empty ones below the last row). */
    private List<TextCell<?, ?>> filledCells(TableView<?> table, String columnTitle) {
        return lookup((Node n) -> n instanceof TextCell<?, ?> c && c.getText() != null && c.getTableView() == table
                && c.getTableColumn() != null && columnTitle.equals(c.getTableColumn().getText()))
                .queryAll().stream().<TextCell<?, ?>>map(n -> (TextCell<?, ?>) n).toList();
    }

    private static double columnWidth(TableView<?> table, String title) {
        return table.getVisibleLeafColumns().stream().filter(c -> title.equals(c.getText())).findFirst()
                .orElseThrow().getWidth();
    }

    /** The Key column's cells that show a row. */
    private List<javafx.scene.control.TableCell<?, ?>> keyCells(TableView<?> table) {
        return lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getItem() != null
                && c.getTableView() == table && c.getTableColumn() != null && "Key".equals(c.getTableColumn().getText()))
                .queryAll().stream().<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .toList();
    }

    /** The text the cell's skin drew, "…" included. */
    private static String drawn(javafx.scene.control.Labeled cell) {
        return cell.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
    }

    private static List<String> visibleColumns(TableView<?> table) {
        return table.getVisibleLeafColumns().stream().map(TableColumn::getText).toList();
    }

    private static boolean scrollsSideways(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    @Test
    void sortingByNameGivesTheOrderPeopleReadNumbersIn() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        clickHeader("Name");
        assertThat(visibleKeys()).extracting(r -> r.name())
                .containsExactly(LONG_NAME, "Sync job 2", "sync job 13", "Sync job 130", "Sync job 1272");
        clickHeader("Name");
        assertThat(visibleKeys()).extracting(r -> r.name())
                .containsExactly("Sync job 1272", "Sync job 130", "sync job 13", "Sync job 2", LONG_NAME);
    }

    @Test
    void usersSortByUsernameIgnoringCaseAndByNumberValue() {
        signInAsAdmin();
        clickOn("#nav-USERS");
        clickHeader("Username");
        assertThat(this.<User>rowsOf("#userTable")).extracting(User::username)
                .containsExactly("alice", "Demo000007", "demo000042");
    }

    @Test
    void atTheDefaultSizeEveryColumnShowsAndOwnersAreWhole() throws Exception {
        sizeWindow(1280, 800);
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        TableView<?> table = visibleTable("#keyTable");
        assertThat(visibleColumns(table)).containsExactly(
                "Name", "Key", "Owner", "Permission", "Status", "Expires", "Last used", "Created");
        assertThat(cell(table, "Owner", "demo000042").isCutOff()).isFalse();
        assertThat(cell(table, "Permission", "office_integration").isCutOff()).isFalse();
        assertThat(cell(table, "Name", "Sync job 1272").isCutOff()).isFalse();
        assertThat(keyCells(table)).hasSize(5).allSatisfy(key -> {
            assertThat(drawn(key)).isEqualTo(key.getItem());
            assertThat(key.getTooltip()).isNull();
        });
        assertThat(scrollsSideways(table)).isFalse();
        assertThat(table.getStyleClass()).contains("dense");
        assertNothingUncaught();
    }

    @Test
    void onA1024x700ScreenTheLeastNeededColumnsStepAsideAndNothingScrollsSideways() throws Exception {
        sizeWindow(1024, 700);
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        TableView<?> table = visibleTable("#keyTable");
        assertThat(visibleColumns(table)).containsExactly("Name", "Key", "Owner", "Permission", "Status", "Expires");
        assertThat(cell(table, "Owner", "demo000042").isCutOff()).isFalse();
        assertThat(cell(table, "Name", "Sync job 1272").isCutOff()).isFalse();
        // The name is what a person reads first: it gets the room, the key's label gives way,
        // cut in the middle so its start and last characters (what is compared with a leaked key)
        // stay in view, the whole label in the tooltip.
        assertThat(columnWidth(table, "Name")).isGreaterThanOrEqualTo(180).isGreaterThan(columnWidth(table, "Key"));
        assertThat(keyCells(table)).hasSize(5).allSatisfy(key -> {
            String label = (String) key.getItem();
            String shown = drawn(key);
            assertThat(shown).startsWith(label.substring(0, 6)).endsWith(label.substring(label.length() - 4));
            assertThat(shown.chars().filter(c -> c == '…' || c == '.').count()).as(shown + ": one '…'").isEqualTo(1);
            assertThat(shown).as("shortened").isNotEqualTo(label);
            assertThat(key.getTooltip().getText()).isEqualTo(label);
        });
        assertThat(cell(table, "Permission", "office_integration").isCutOff()).isFalse();
        assertThat(scrollsSideways(table)).isFalse();

        // Wider again, they come back.
        sizeWindow(1280, 800);
        assertThat(visibleColumns(table)).contains("Last used", "Created");
        assertNothingUncaught();
    }

    @Test
    void aCutOffCellOffersItsWholeTextInATooltipAndAWholeOneDoesNot() throws Exception {
        sizeWindow(1024, 700);
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        TableView<?> table = visibleTable("#keyTable");
        TextCell<?, ?> longName = cell(table, "Name", LONG_NAME);
        assertThat(longName.isCutOff()).isTrue();
        assertThat(longName.getTooltip()).isNotNull();
        assertThat(longName.getTooltip().getText()).isEqualTo(LONG_NAME);
        assertThat(cell(table, "Owner", "demo000042").getTooltip()).isNull();
    }

    @Test
    void rowsAreCompact() {
        signInAsAdmin();
        clickOn("#nav-USER_KEYS");
        Node row = lookup(".table-row-cell").match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() != null && shown(n)).query();
        double fontSize = javafx.scene.text.Font.getDefault().getSize();
        // AtlantaFX's rows are 3em high; its dense rows 2em (the status badge still fits).
        assertThat(row.getLayoutBounds().getHeight()).isLessThan(2.5 * fontSize);
    }
}
