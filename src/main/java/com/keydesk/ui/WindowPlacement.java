package com.keydesk.ui;

import javafx.geometry.Rectangle2D;

import java.util.List;
import java.util.Optional;

/**
 * Where the main window opens and how small it may get: inside the screen it opens on (its
 * visual bounds, without task bars), where the person left it when that place is still on a
 * screen, else at a comfortable size centred on the primary screen.
 */
public final class WindowPlacement {
    public static final double PREFERRED_WIDTH = 1240;
    public static final double PREFERRED_HEIGHT = 760;
    /** The smallest window the layout is made for (a 1024×700 screen leaves room for it). */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;
    /** How much of a remembered window must lie on a screen for it to be grabbed and moved there. */
    private static final double VISIBLE_WIDTH = 120;
    private static final double VISIBLE_HEIGHT = 60;

    private WindowPlacement() {
    }

    /**
     * @param remembered where the window was last (if ever)
     * @param primary the primary screen's visual bounds
     * @param screens every screen's visual bounds now
     */
    public static Rectangle2D place(Optional<Rectangle2D> remembered, Rectangle2D primary, List<Rectangle2D> screens) {
        if (remembered.isPresent()) {
            Rectangle2D was = remembered.get();
            for (Rectangle2D screen : screens) {
                if (overlap(was, screen)) {
                    return fit(was.getMinX(), was.getMinY(), was.getWidth(), was.getHeight(), screen);
                }
            }
        }
        double width = Math.min(PREFERRED_WIDTH, primary.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, primary.getHeight());
        return fit(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height, primary);
    }

    /** The minimum size, never larger than the screen. */
    public static Rectangle2D minimum(Rectangle2D screen) {
        return new Rectangle2D(0, 0, Math.min(MIN_WIDTH, screen.getWidth()), Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    private static boolean overlap(Rectangle2D window, Rectangle2D screen) {
        double w = Math.min(window.getMaxX(), screen.getMaxX()) - Math.max(window.getMinX(), screen.getMinX());
        double h = Math.min(window.getMaxY(), screen.getMaxY()) - Math.max(window.getMinY(), screen.getMinY());
        return w >= VISIBLE_WIDTH && h >= VISIBLE_HEIGHT;
    }

    /** The window moved and shrunk as little as needed to lie wholly on {@code screen}, at least the minimum size. */
    private static Rectangle2D fit(double x, double y, double width, double height, Rectangle2D screen) {
        Rectangle2D min = minimum(screen);
        double w = Math.max(min.getWidth(), Math.min(width, screen.getWidth()));
        double h = Math.max(min.getHeight(), Math.min(height, screen.getHeight()));
        double left = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        double top = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new Rectangle2D(left, top, w, h);
    }
}
