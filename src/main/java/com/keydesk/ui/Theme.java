package com.keydesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/** AtlantaFX's Primer themes, light or dark, for every window of the app. */
public final class Theme {
    /** Primer's -color-bg-default of each theme. */
    private static final Color LIGHT_BACKGROUND = Color.web("#ffffff");
    private static final Color DARK_BACKGROUND = Color.web("#0d1117");
    private static boolean dark;
    private static boolean following;

    private Theme() {
    }

    public static void apply(boolean dark) {
        Theme.dark = dark;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!following) {
            following = true;
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(Theme::fill);
                }
            });
        }
        Window.getWindows().forEach(Theme::fill);
    }

    /**
     * A scene is white where its root has not painted yet (a dialog growing for a message, a window
     * being resized, an alert's first frame): in the dark theme that was a white frame. Each
     * window's scene is filled with the theme's background instead. Popups stay transparent.
     */
    private static void fill(Window window) {
        Scene scene = window.getScene();
        if (scene == null) {
            return;
        }
        if (!(window instanceof PopupWindow)) {
            scene.setFill(dark ? DARK_BACKGROUND : LIGHT_BACKGROUND);
        }
        if (scene.getProperties().putIfAbsent(DARK, Boolean.TRUE) == null) {
            scene.rootProperty().addListener((o, was, root) -> mark(root));
        }
        mark(scene.getRoot());
    }

    private static void mark(javafx.scene.Parent root) {
        if (root != null) {
            root.getStyleClass().remove(DARK);
            if (dark) {
                root.getStyleClass().add(DARK);
            }
        }
    }

    /**
     * Style class of every window's root in the dark theme, for the few rules keydesk.css keeps
     * for it. A popup (menu, drop-down list, tooltip) takes its styles through the control that
     * owns it, so the window's mark reaches it too: without a compositing window manager (Xvfb,
     * many remote desktops) the see-through margin a popup keeps for its shadow is drawn opaque,
     * a light frame around every dark menu, and in the dark theme the shadow is left out.
     */
    public static final String DARK = "keydesk-dark";
}
