package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Menus, drop-down lists and tooltips in the dark theme draw no shadow: without a compositing window
 * manager (Xvfb, many remote desktops) its see-through margin is painted opaque, a light frame
 * around each dark popup. The light theme keeps AtlantaFX's shadow.
 */
class DarkPopupsRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.siteKey("CI deploy");
    }

    @Test
    void popupsHaveNoShadowInTheDarkThemeAndKeepItInTheLight() {
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        assertThat(shadowsOfEachPopup()).as("light: AtlantaFX's shadow, found where the test looks")
                .allSatisfy(shadows -> assertThat(shadows).isNotEmpty());

        clickOn("#nav-SETTINGS");
        clickOn("#darkTheme");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#nav-SITE_KEYS");
        assertThat(shadowsOfEachPopup()).as("dark: no shadow on the context menu, the drop-down list, the tooltip")
                .allSatisfy(shadows -> assertThat(shadows).isEmpty());
        assertNothingUncaught();
    }

    /** The nodes with a drop shadow in each of three popups: the context menu, the status list, a tooltip. */
    private List<List<String>> shadowsOfEachPopup() {
        List<List<String>> found = new ArrayList<>();
        Node row = lookup(".table-row-cell").match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof com.keydesk.ui.keys.KeyRow k && k.name().equals("CI deploy")).query();
        clickOn(row);
        // shown as a right-click shows it (headless Monocle sends no context-menu request)
        interact(() -> {
            javafx.scene.control.TableView<?> table = lookup("#keyTable").match(Node::isVisible).queryAs(javafx.scene.control.TableView.class);
            table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 10, 0);
        });
        found.add(shadows("context menu", w -> w instanceof javafx.scene.control.ContextMenu));
        type(javafx.scene.input.KeyCode.ESCAPE);
        clickOn("#statusFilter");
        found.add(shadows("status list", w -> w instanceof javafx.scene.control.PopupControl
                && w.getScene().getRoot().lookup(".list-view") != null));
        type(javafx.scene.input.KeyCode.ESCAPE);
        moveTo("#refreshButton");
        javafx.scene.control.Tooltip tip = lookup("#refreshButton").queryAs(javafx.scene.control.Button.class).getTooltip();
        long until = System.currentTimeMillis() + 5_000;
        while (!tip.isShowing() && System.currentTimeMillis() < until) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        assertThat(tip.isShowing()).as("the tooltip showed").isTrue();
        found.add(shadows("tooltip", w -> w == tip));
        moveTo("#keyTable");
        WaitForAsyncUtils.waitForFxEvents();
        return found;
    }

    private List<String> shadows(String what, java.util.function.Predicate<Window> which) {
        WaitForAsyncUtils.waitForFxEvents(3);
        PopupWindow popup = Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing() && which.test(w))
                .map(PopupWindow.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + what + " showing"));
        List<String> shadows = new ArrayList<>();
        collect(popup.getScene().getRoot(), shadows);
        return shadows;
    }

    private static void collect(Node node, List<String> shadows) {
        if (node.getEffect() instanceof javafx.scene.effect.DropShadow) {
            shadows.add(node.getClass().getSimpleName() + node.getStyleClass());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, shadows));
        }
    }
}
