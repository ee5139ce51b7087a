package com.keydesk.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder window until the desktop app issue builds the real screens. */
public final class DesktopApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("KeyDesk");
        stage.setScene(new Scene(new Label("KeyDesk"), 640, 400));
        stage.show();
    }
}
