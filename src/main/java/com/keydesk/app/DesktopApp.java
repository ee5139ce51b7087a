package com.keydesk.app;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.service.WitnessLocation;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.StoreLocation;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.FxDialogService;
import com.keydesk.ui.FxTaskRunner;
import com.keydesk.ui.Messages;
import com.keydesk.ui.settings.UiPreferences;
import com.keydesk.ui.teamstore.RecentStores;
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
        StoreAddress address;
        Path localFolder;
        try {
            List<String> args = getParameters().getRaw();
            localFolder = StoreLocation.resolveForThisMachine(option(args, "--data"));
            address = StoreAddress.resolve(option(args, "--store"), option(args, "--data"), System.getenv(),
                    System.getProperty("os.name"), System.getProperty("user.home"));
        } catch (RuntimeException e) {
            new FxDialogService(() -> null).showError(Messages.get("store.failed.heading"), ErrorText.sentence(e), null);
            Platform.exit();
            return;
        }
        tasks = new FxTaskRunner();
        composition = new Composition(stage, address, localFolder, Argon2Params.SHIPPED, Clock.systemUTC(), tasks,
                preferences, Platform::exit, RecentStores.beside(WitnessLocation.resolveForThisMachine()));
        composition.start();
    }

    @Override
    public void stop() {
        // Returns at once: background work finishes and the store closes on a thread the JVM waits for.
        if (composition != null) {
            composition.shutdown(tasks::close);
        }
    }

    /** A global option's value ({@code --data DIR}, {@code --store URL}, as the command line spells them); null when absent. */
    static String option(List<String> args, String name) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals(name)) {
                return args.get(i + 1);
            }
        }
        return null;
    }
}
