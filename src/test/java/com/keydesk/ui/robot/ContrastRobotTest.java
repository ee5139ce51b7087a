package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import com.keydesk.ui.main.Section;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text, icon and control edge the app shows, in the light and the dark theme, measured from
 * the colours JavaFX resolved from the theme (not from the CSS file's text): text 4.5:1 (large 3:1),
 * icons and the edges of fields, boxes and switches 3:1.
 */
class ContrastRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.siteKey("Nightly backup");
    }

    @Test
    void textIconsAndControlEdgesContrastEnoughInBothThemes() {
        List<Contrast.Finding> found = new ArrayList<>();
        found.addAll(measure("light sign-in", stage.getScene()));
        signInAsAdmin();
        found.addAll(tour("light"));
        clickOn("#nav-SETTINGS");
        clickOn("#darkTheme");
        WaitForAsyncUtils.waitForFxEvents();
        found.addAll(tour("dark"));
        signOut();
        found.addAll(measure("dark sign-in", stage.getScene()));

        // the two figures the walk-through measured, so that the test cannot pass by measuring nothing
        assertThat(found).filteredOn(f -> f.what().contains("thumb-area in #usersCanCreateToggle")).hasSize(2)
                .allSatisfy(f -> assertThat(f.ratio()).isGreaterThanOrEqualTo(Contrast.GRAPHIC));
        assertThat(found).filteredOn(f -> f.what().contains("mdi2p-plus in #createFirstButton")).hasSize(2)
                .allSatisfy(f -> assertThat(f.ratio()).isGreaterThanOrEqualTo(Contrast.GRAPHIC));
        List<String> failing = found.stream().filter(Contrast.Finding::fails)
                .sorted(Comparator.comparingDouble(Contrast.Finding::ratio)).map(Object::toString).distinct().toList();
        assertThat(failing).as("texts, icons and controls below their contrast").isEmpty();
    }

    /** Every section of the sidebar, and the New key dialog over the site keys. */
    private List<Contrast.Finding> tour(String theme) {
        List<Contrast.Finding> found = new ArrayList<>();
        for (Section section : Section.forRole(true)) {
            clickOn("#nav-" + section.name());
            WaitForAsyncUtils.waitForFxEvents();
            found.addAll(measure(theme + " " + section.name(), stage.getScene()));
        }
        clickOn("#nav-SITE_KEYS");
        found.addAll(tooltip(theme));
        clickOn("#newKeyButton");
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                && w.getScene().lookup("#nameField") != null).findFirst().orElseThrow();
        found.addAll(measure(theme + " new key dialog", dialog.getScene()));
        // no white frame: where a window's root has not painted yet (a growing dialog), its scene's fill shows
        for (Window window : List.of(stage, dialog)) {
            double fill = Contrast.luminance((javafx.scene.paint.Color) window.getScene().getFill());
            assertThat(fill).as(theme + " fill of " + window).matches(l -> theme.equals("dark") ? l < 0.1 : l > 0.8);
        }
        clickDialogButton("Cancel");
        return found;
    }

    /** The refresh button's tooltip: in the theme's own colours (the dark theme's are dark), and readable. */
    private List<Contrast.Finding> tooltip(String theme) {
        moveTo("#refreshButton");
        javafx.scene.control.Tooltip tip = lookup("#refreshButton").queryAs(javafx.scene.control.Button.class).getTooltip();
        long until = System.currentTimeMillis() + 5_000;
        while (!tip.isShowing() && System.currentTimeMillis() < until) {
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        assertThat(tip.isShowing()).as("the tooltip showed").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        Captures.save(tip.getScene(), theme + "-tooltip");
        javafx.scene.paint.Color background = Contrast.behind(tip.getScene().getRoot().lookup(".text").getParent(), tip.getScene());
        assertThat(Contrast.luminance(background)).as(theme + " tooltip background")
                .matches(l -> theme.equals("dark") ? l < 0.1 : l > 0.8);
        List<Contrast.Finding> found = measure(theme + " tooltip", tip.getScene());
        moveTo("#keyTable");
        return found;
    }

    private static List<Contrast.Finding> measure(String where, Scene scene) {
        Captures.save(scene, where.replace(' ', '-'));
        List<Contrast.Finding> found = Contrast.measure(scene).stream()
                .map(f -> new Contrast.Finding(where + ": " + f.what(), f.ratio(), f.required())).toList();
        found.stream().filter(f -> f.what().contains("#usersCanCreateToggle") || f.what().contains("#createFirstButton")
                || f.fails()).forEach(f -> System.out.println("contrast " + f));
        return found;
    }
}
