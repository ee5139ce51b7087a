package com.keydesk.app;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.store.StoreLocation;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.FxDialogService;
import com.keydesk.ui.FxTaskRunner;
import com.keydesk.ui.Messages;
import com.keydesk.ui.settings.UiPreferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The desktop app: wires the shipped program (real Argon2 cost, system clock, background threads). */
public final class DesktopApp extends Application {
    private FxTaskRunner tasks;
    private Composition composition;

    @Override
    public void start(Stage stage) {
        UiPreferences preferences = UiPreferences.forThisUser();
        ErrorHandler.install(new FxDialogService(() -> stage));
        Path folder;
        try {
            folder = StoreLocation.resolveForThisMachine(dataOption(getParameters().getRaw()));
        } catch (RuntimeException e) {
            new FxDialogService(() -> null).showError(Messages.get("store.failed.heading"), ErrorText.sentence(e), null);
            Platform.exit();
            return;
        }
        tasks = new FxTaskRunner();
        composition = new Composition(stage, folder, Argon2Params.SHIPPED, Clock.systemUTC(), tasks, preferences,
                Platform::exit);
        composition.start();
    }

    @Override
    public void stop() {
        // Let background work finish first, so the store is never closed under a running transaction.
        if (tasks != null) {
            tasks.close();
        }
        if (composition != null) {
            composition.shutdown();
        }
    }

    /** The global option {@code --data DIR} (the command line's own spelling); null when absent. */
    static String dataOption(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--data")) {
                return args.get(i + 1);
            }
        }
        return null;
    }
}
