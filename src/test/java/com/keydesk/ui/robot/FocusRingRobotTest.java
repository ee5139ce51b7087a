package com.keydesk.ui.robot;

import com.keydesk.testing.TestStore;
import javafx.scene.Node;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyboard user sees where the focus is: on a focused control a ring appears that a control
 * without the focus does not have, at least 3:1 against what is behind it, in both themes.
 */
class FocusRingRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.siteKey("Nightly backup");
    }

    @Test
    void everyKindOfControlShowsAFocusRingInBothThemes() {
        signInAsAdmin();
        List<String> missing = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            clickOn("#nav-SETTINGS");
            clickOn("#" + theme + "Theme");
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : List.of("#limitLifetimeCheck", "#usersCanCreateToggle", "#darkTheme", "#backupButton")) {
                check(theme, id, "#clearSecondsSpinner .text-field", missing);
            }
            clickOn("#nav-SITE_KEYS");
            for (String id : List.of("#nav-SITE_KEYS", "#newKeyButton", "#keyTable", "#refreshButton")) {
                check(theme, id, "#searchField", missing);
            }
        }
        assertThat(missing).isEmpty();
    }

    private void check(String theme, String id, String elsewhere, List<String> missing) {
        Region control = lookup(id).match(Node::isVisible).queryAs(Region.class);
        interact(() -> lookup(elsewhere).match(Node::isVisible).query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        Set<Color> before = strokes(control);
        interact(control::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(control.isFocused()).as(id).isTrue();
        Set<Color> ring = strokes(control);
        Captures.save(control.getScene(), theme + "-focus-" + id.substring(1));
        ring.removeAll(before);
        Color behind = Contrast.behind(control.getParent(), control.getScene());
        double best = ring.stream().mapToDouble(c -> Contrast.ratio(Contrast.over(c, behind), behind)).max().orElse(0);
        System.out.printf(Locale.ROOT, "focus ring %s %s: %.2f:1%n", theme, id, best);
        if (best < Contrast.GRAPHIC) {
            missing.add(String.format(Locale.ROOT, "%s %s: %.2f:1", theme, id, best));
        }
    }

    private static Set<Color> strokes(Region region) {
        Set<Color> colours = new HashSet<>();
        if (region.getBorder() != null) {
            for (BorderStroke stroke : region.getBorder().getStrokes()) {
                if (stroke.getTopStroke() instanceof Color c && c.getOpacity() > 0) {
                    colours.add(c);
                }
            }
        }
        return colours;
    }
}
