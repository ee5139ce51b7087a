package com.keydesk.bench.process;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The reference for start-up: a one-label JavaFX window, packaged and launched exactly like KeyDesk. */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare window");
        stage.setScene(new Scene(new Label("Hello"), 480, 320));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
