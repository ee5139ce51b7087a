package com.keydesk.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.time.Duration;
import java.util.prefs.Preferences;

/**
 * This machine's choices for the desktop app (not site settings): how long a copied key stays
 * on the clipboard, the theme, and where the main window was. Kept in the user's Java preferences; tests pass no node and
 * nothing is stored.
 */
public final class UiPreferences {
    public static final int DEFAULT_CLEAR_SECONDS = 30;
    public static final int MIN_CLEAR_SECONDS = 5;
    public static final int MAX_CLEAR_SECONDS = 300;
    private static final String CLEAR = "clipboardClearSeconds";
    private static final String DARK = "darkTheme";
    private static final String[] WINDOW = {"windowX", "windowY", "windowWidth", "windowHeight"};

    private final Preferences node;
    private final IntegerProperty clipboardClearSeconds = new SimpleIntegerProperty(DEFAULT_CLEAR_SECONDS);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    /** Kept here too, so tests (no node) see what was remembered. */
    private javafx.geometry.Rectangle2D windowBounds;

    public UiPreferences(Preferences node) {
        this.node = node;
        if (node != null) {
            clipboardClearSeconds.set(clamp(node.getInt(CLEAR, DEFAULT_CLEAR_SECONDS)));
            darkTheme.set(node.getBoolean(DARK, false));
            clipboardClearSeconds.addListener((o, a, b) -> node.putInt(CLEAR, clamp(b.intValue())));
            darkTheme.addListener((o, a, b) -> node.putBoolean(DARK, b));
            windowBounds = readWindowBounds(node);
        }
    }

    /** Where the main window was when it last closed; none when never stored or not a sane size. */
    public java.util.Optional<javafx.geometry.Rectangle2D> windowBounds() {
        return java.util.Optional.ofNullable(windowBounds);
    }

    public void rememberWindowBounds(javafx.geometry.Rectangle2D bounds) {
        if (!sane(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight())) {
            return;
        }
        windowBounds = bounds;
        if (node != null) {
            node.putDouble(WINDOW[0], bounds.getMinX());
            node.putDouble(WINDOW[1], bounds.getMinY());
            node.putDouble(WINDOW[2], bounds.getWidth());
            node.putDouble(WINDOW[3], bounds.getHeight());
        }
    }

    /** Preferences are outside input: four finite numbers, a size between 100 and 100,000 pixels. */
    private static javafx.geometry.Rectangle2D readWindowBounds(Preferences node) {
        double x = node.getDouble(WINDOW[0], Double.NaN);
        double y = node.getDouble(WINDOW[1], Double.NaN);
        double w = node.getDouble(WINDOW[2], Double.NaN);
        double h = node.getDouble(WINDOW[3], Double.NaN);
        return sane(x, y, w, h) ? new javafx.geometry.Rectangle2D(x, y, w, h) : null;
    }

    private static boolean sane(double x, double y, double w, double h) {
        return Double.isFinite(x) && Double.isFinite(y) && Math.abs(x) < 1e5 && Math.abs(y) < 1e5
                && w >= 100 && w <= 1e5 && h >= 100 && h <= 1e5;
    }

    public static UiPreferences forThisUser() {
        return new UiPreferences(Preferences.userRoot().node("com/keydesk/desktop"));
    }

    public static UiPreferences inMemory() {
        return new UiPreferences(null);
    }

    public Duration clipboardClearDelay() {
        return Duration.ofSeconds(clamp(clipboardClearSeconds.get()));
    }

    static int clamp(int seconds) {
        return Math.max(MIN_CLEAR_SECONDS, Math.min(MAX_CLEAR_SECONDS, seconds));
    }

    public IntegerProperty clipboardClearSecondsProperty() { return clipboardClearSeconds; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
}
