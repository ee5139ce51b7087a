package com.keydesk.ui.robot;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The signed-in window at 1024×700: nothing a person needs is cut off. */
class SmallScreenLayoutRobotTest extends AppRobotTest {
    private void sizeWindow(double width, double height) throws Exception {
        FxToolkit.setupFixture(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private void assertInsideWindow(Node node, String what) {
        assertThat(node.isVisible()).as(what + " visible").isTrue();
        Bounds b = node.localToScene(node.getBoundsInLocal());
        double w = node.getScene().getWidth();
        double h = node.getScene().getHeight();
        assertThat(b.getMinX()).as(what + " left").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMinY()).as(what + " top").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMaxX()).as(what + " right edge within " + w).isLessThanOrEqualTo(w + 0.5);
        assertThat(b.getMaxY()).as(what + " bottom edge within " + h).isLessThanOrEqualTo(h + 0.5);
        assertThat(b.getWidth()).as(what + " not squeezed").isGreaterThanOrEqualTo(node.minWidth(-1) - 0.5);
    }

    /** Every button, field and drop-down shown in the window (the screen's toolbars). */
    private List<Node> controlsShown() {
        return List.copyOf(lookup((Node n) -> (n instanceof ButtonBase || n instanceof TextField || n instanceof ComboBoxBase<?>)
                && n.getScene() == stage.getScene() && shown(n) && !(n.getParent() instanceof javafx.scene.control.Cell<?>)
                && !insideTable(n)).queryAll());
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideTable(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableView<?> || n instanceof javafx.scene.control.ComboBoxBase<?>
                    || n instanceof javafx.scene.control.DatePicker) {
                return true;
            }
        }
        return false;
    }

    @Test
    void at1024x700SignOutSearchAndEverySectionAreInsideTheWindow() throws Exception {
        sizeWindow(1024, 700);
        signInAsAdmin();
        assertInsideWindow(lookup("#signOutButton").query(), "Sign out");
        List<Node> sections = List.copyOf(lookup("#navigation .toggle-button").queryAll());
        assertThat(sections).hasSizeGreaterThanOrEqualTo(5);
        for (Node section : sections) {
            assertInsideWindow(section, section.getId());
        }
        for (Node section : sections) {
            clickOn(section);
            WaitForAsyncUtils.waitForFxEvents(3);
            for (Node control : controlsShown()) {
                String name = control.getId() != null ? control.getId() : control.toString();
                assertInsideWindow(control, section.getId() + ": " + name);
            }
        }
        clickOn("#nav-USER_KEYS");
        WaitForAsyncUtils.waitForFxEvents(3);
        assertInsideWindow(lookup("#searchField").match(Node::isVisible).query(), "search");
        assertInsideWindow(lookup("#statusFilter").match(Node::isVisible).query(), "status filter");
        assertNothingUncaught();
    }

    @Test
    void at1024x700EveryAuditLogColumnIsInsideTheTableAndReadable() throws Exception {
        sizeWindow(1024, 700);
        signInAsAdmin();
        clickOn("#nav-AUDIT");
        WaitForAsyncUtils.waitForFxEvents(3);
        javafx.scene.control.TableView<?> table = lookup("#auditTable").queryAs(javafx.scene.control.TableView.class);
        double used = 0;
        for (javafx.scene.control.TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            assertThat(column.getWidth()).as(column.getText() + " readable").isGreaterThanOrEqualTo(48);
            used += column.getWidth();
        }
        assertThat(table.getVisibleLeafColumns()).hasSize(7);
        // the time and the outcome whole, header and cells ("2026-12-04 11:59:…", "Outco…" were cut)
        for (Node cell : lookup("#auditTable .table-cell").queryAll()) {
            if (cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null && c.getText() != null
                    && List.of(0, 1, 5).contains(table.getVisibleLeafIndex((javafx.scene.control.TableColumn) c.getTableColumn()))) {
                assertThat(shownText(c)).as("cell of " + c.getTableColumn().getText()).isEqualTo(c.getText());
            }
        }
        for (Node label : lookup("#auditTable .column-header .label").queryAll()) {
            javafx.scene.control.Label header = (javafx.scene.control.Label) label;
            if (List.of("Outcome", "#").contains(header.getText()) || header.getText().startsWith("Time")) {
                assertThat(shownText(header)).as("header").isEqualTo(header.getText());
            }
        }
        assertThat(used).as("the columns' widths together, Outcome and Detail not pushed out of the table")
                .isLessThanOrEqualTo(table.getWidth());
        assertNothingUncaught();
    }

    /** The text a label or cell draws: its own text, or that text cut with an ellipsis. */
    private static String shownText(javafx.scene.control.Labeled labeled) {
        javafx.scene.text.Text text = (javafx.scene.text.Text) labeled.lookup(".text");
        return text == null ? "" : text.getText();
    }

    @Test
    void theWindowCannotBeMadeSmallerThanTheLayoutIsMadeFor() {
        assertThat(stage.getMinWidth()).isGreaterThanOrEqualTo(800);
        assertThat(stage.getMinHeight()).isGreaterThanOrEqualTo(560);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(stage.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(stage.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(stage.getX() + stage.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(stage.getY() + stage.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
    }
}
