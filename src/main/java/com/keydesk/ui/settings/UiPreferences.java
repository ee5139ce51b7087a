package com.keydesk.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.time.Duration;
import java.util.prefs.Preferences;

/**
 * This machine's choices for the desktop app (not site settings): how long a copied key stays
 * on the clipboard, and the theme. Kept in the user's Java preferences; tests pass no node and
 * nothing is stored.
 */
public final class UiPreferences {
    public static final int DEFAULT_CLEAR_SECONDS = 30;
    public static final int MIN_CLEAR_SECONDS = 5;
    public static final int MAX_CLEAR_SECONDS = 300;
    private static final String CLEAR = "clipboardClearSeconds";
    private static final String DARK = "darkTheme";

    private final Preferences node;
    private final IntegerProperty clipboardClearSeconds = new SimpleIntegerProperty(DEFAULT_CLEAR_SECONDS);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);

    public UiPreferences(Preferences node) {
        this.node = node;
        if (node != null) {
            clipboardClearSeconds.set(clamp(node.getInt(CLEAR, DEFAULT_CLEAR_SECONDS)));
            darkTheme.set(node.getBoolean(DARK, false));
            clipboardClearSeconds.addListener((o, a, b) -> node.putInt(CLEAR, clamp(b.intValue())));
            darkTheme.addListener((o, a, b) -> node.putBoolean(DARK, b));
        }
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
