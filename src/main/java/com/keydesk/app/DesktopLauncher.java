package com.keydesk.app;

import javafx.application.Application;

/** Starts the desktop app. Kept apart from {@link Main} so the command line never loads JavaFX. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
