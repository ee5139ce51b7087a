package com.keydesk.ui;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlacementTest {
    /** A 1024×700 screen with a 28-pixel panel at the top. */
    private static final Rectangle2D SMALL = new Rectangle2D(0, 28, 1024, 672);
    private static final Rectangle2D LARGE = new Rectangle2D(0, 0, 1920, 1080);

    private static boolean inside(Rectangle2D window, Rectangle2D screen) {
        return window.getMinX() >= screen.getMinX() && window.getMinY() >= screen.getMinY()
                && window.getMaxX() <= screen.getMaxX() && window.getMaxY() <= screen.getMaxY();
    }

    @Test
    void onASmallScreenTheWindowOpensWithinItsVisualBounds() {
        Rectangle2D placed = WindowPlacement.place(Optional.empty(), SMALL, List.of(SMALL));
        assertThat(inside(placed, SMALL)).isTrue();
        assertThat(placed.getWidth()).isEqualTo(1024);
        assertThat(placed.getHeight()).isEqualTo(672);
        assertThat(WindowPlacement.minimum(SMALL).getHeight()).isLessThanOrEqualTo(672);
    }

    @Test
    void onALargeScreenTheWindowOpensCentredAtItsPreferredSize() {
        Rectangle2D placed = WindowPlacement.place(Optional.empty(), LARGE, List.of(LARGE));
        assertThat(placed).isEqualTo(new Rectangle2D(340, 160, 1240, 760));
    }

    @Test
    void aRememberedPlaceOnAScreenIsUsed() {
        Rectangle2D was = new Rectangle2D(100, 80, 1000, 650);
        assertThat(WindowPlacement.place(Optional.of(was), LARGE, List.of(LARGE))).isEqualTo(was);
    }

    @Test
    void aRememberedPlaceOffEveryScreenIsNotUsed() {
        Rectangle2D onAMonitorNowGone = new Rectangle2D(2200, 100, 1000, 650);
        Rectangle2D placed = WindowPlacement.place(Optional.of(onAMonitorNowGone), LARGE, List.of(LARGE));
        assertThat(placed).isEqualTo(new Rectangle2D(340, 160, 1240, 760));
    }

    @Test
    void aRememberedPlaceHalfOffTheScreenIsMovedAndShrunkOntoIt() {
        Rectangle2D was = new Rectangle2D(600, 300, 1240, 760);   // remembered from a larger screen
        Rectangle2D placed = WindowPlacement.place(Optional.of(was), SMALL, List.of(SMALL));
        assertThat(inside(placed, SMALL)).isTrue();
        assertThat(placed.getWidth()).isEqualTo(1024);
    }
}
