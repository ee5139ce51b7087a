package com.keydesk.ui.settings;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class UiPreferencesWindowTest {
    private final Preferences node = Preferences.userRoot().node("com/keydesk/test-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void theWindowsPlaceIsRememberedForTheNextStart() {
        new UiPreferences(node).rememberWindowBounds(new Rectangle2D(40, 30, 1000, 650));
        assertThat(new UiPreferences(node).windowBounds()).contains(new Rectangle2D(40, 30, 1000, 650));
    }

    @Test
    void aStoredPlaceThatIsNoSaneWindowIsNotUsed() {
        node.putDouble("windowX", 10);
        node.putDouble("windowY", 10);
        node.putDouble("windowWidth", Double.NaN);
        node.putDouble("windowHeight", 1e9);
        assertThat(new UiPreferences(node).windowBounds()).isEmpty();
        node.put("windowWidth", "not a number");
        assertThat(new UiPreferences(node).windowBounds()).isEmpty();
        assertThat(new UiPreferences(null).windowBounds()).isEmpty();
    }
}
