package com.keydesk.app;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.StoreException;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.StoreCreation;
import com.keydesk.service.StoreRestore;
import com.keydesk.service.Witness;
import com.keydesk.service.WitnessLocation;
import com.keydesk.store.Database;
import com.keydesk.ui.DialogService;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.FilePicker;
import com.keydesk.ui.FxDialogService;
import com.keydesk.ui.FxFilePicker;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.TaskRunner;
import com.keydesk.ui.Theme;
import com.keydesk.ui.WindowPlacement;
import com.keydesk.ui.Windows;
import com.keydesk.ui.keys.FxKeyDialogs;
import com.keydesk.ui.keys.copy.FxSecretClipboard;
import com.keydesk.ui.keys.copy.SecretClipboard;
import com.keydesk.ui.main.MainView;
import com.keydesk.ui.main.MainViewModel;
import com.keydesk.ui.settings.StoreRestorer;
import com.keydesk.ui.settings.UiPreferences;
import com.keydesk.ui.start.SetupView;
import com.keydesk.ui.start.SetupViewModel;
import com.keydesk.ui.start.SignInView;
import com.keydesk.ui.start.SignInViewModel;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The composition root of the desktop app, wired by hand: opens the store off the JavaFX
 * thread, then shows first-start setup or sign-in, then the main window. Tests build one with
 * cheap Argon2 parameters, a test clock and a same-thread runner; the shipped program passes
 * {@link Argon2Params#SHIPPED}.
 */
public final class Composition implements StoreRestorer {
    private final Stage stage;
    private final Path folder;
    private final Argon2Params params;
    private final Clock clock;
    private final TaskRunner tasks;
    private final UiPreferences preferences;
    private final Runnable exit;
    private final DialogService dialogs;
    private final SecretClipboard clipboard;
    private final Screens screens;
    private FilePicker files;
    private volatile Database db;
    private volatile Services services;
    private volatile Witness witness;
    /** What the witness found wrong with the open store's history, or null: shown once it is open. */
    private volatile String historyProblem;

    public Composition(Stage stage, Path folder, Argon2Params params, Clock clock, TaskRunner tasks,
                       UiPreferences preferences, Runnable exit) {
        this.stage = stage;
        this.folder = folder;
        this.params = params;
        this.clock = clock;
        this.tasks = tasks;
        this.preferences = preferences;
        this.exit = exit;
        this.dialogs = new FxDialogService(() -> stage);
        this.clipboard = new FxSecretClipboard(preferences::clipboardClearDelay);
        this.screens = new Screens(stage, preferences, this);
        this.files = new FxFilePicker(() -> stage);
    }

    /** Tests answer the file choosers with paths of their own. */
    public void useFilePicker(FilePicker picker) {
        this.files = picker;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** The services over the open store, or null before it is open (tests and diagnostics). */
    public Services services() {
        return services;
    }

    /** Shows a moment of "opening", then setup or sign-in once the store is open. */
    public void start() {
        Theme.apply(preferences.darkThemeProperty().get());
        preferences.darkThemeProperty().addListener((o, was, dark) -> Theme.apply(dark));
        Windows.setIcon(stage);
        stage.setTitle(Messages.get("window.title"));
        stage.setScene(Windows.scene(opening()));
        placeWindow();
        stage.show();
        tasks.run(() -> Database.exists(folder) ? opened(Database.open(folder)) : null, opened -> {
            if (opened == null) {
                showSetup();
            } else {
                db = opened;
                showSignIn();
                // after the sign-in screen is drawn, so the warning stands in front of it
                javafx.application.Platform.runLater(this::warnIfHistoryChanged);
            }
        }, this::storeFailed);
    }

    /** Inside the screen, where the person left it if that is still on a screen; remembered when it closes. */
    private void placeWindow() {
        javafx.geometry.Rectangle2D primary = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.geometry.Rectangle2D place = WindowPlacement.place(preferences.windowBounds(), primary,
                javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds).toList());
        javafx.geometry.Rectangle2D min = WindowPlacement.minimum(primary);
        stage.setMinWidth(min.getWidth());
        stage.setMinHeight(min.getHeight());
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        stage.setWidth(place.getWidth());
        stage.setHeight(place.getHeight());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                preferences.rememberWindowBounds(new javafx.geometry.Rectangle2D(
                        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
            }
        });
    }

    /** Runs in the background: wires the services over a store just opened. */
    private Database opened(Database database) {
        services = wire(database);
        return database;
    }

    /** Runs in the background: the services, and the witness's look at the store's history. */
    private Services wire(Database database) {
        Services wired = Services.over(database, params, clock, new SecureRandom());
        witness = Witness.over(database, clock, WitnessLocation.resolveForThisMachine(), folder.toString());
        historyProblem = witness.check().orElse(null);
        return wired;
    }

    /** Loud, and before anyone signs in: the history this installation saw of the store is gone or changed. */
    private void warnIfHistoryChanged() {
        String problem = historyProblem;
        if (problem != null) {
            dialogs.showError(Messages.get("witness.heading"), Messages.format("witness.sentence", problem), null);
        }
    }

    private void showSetup() {
        stage.setTitle(Messages.get("setup.title"));
        setRoot(new SetupView(new SetupViewModel(this::initialise, tasks, this::showMain), folder.toString()));
    }

    /** Runs in the background: the procedure keydesk init runs too (service/StoreCreation). */
    private Session initialise(String siteName, String admin, char[] password) {
        StoreCreation.Created created = StoreCreation.create(folder, siteName, admin, password, this::wire);
        db = created.db();
        services = created.services();
        // a new store here replaces whatever this installation remembered of an earlier one
        witness.remember();
        return created.session();
    }

    private void showSignIn() {
        stage.setTitle(Messages.get("signin.title"));
        setRoot(new SignInView(new SignInViewModel(services.auth(), tasks, folder.toString(), this::showMain)));
        // While the person types: load Argon2's native library and warm the sign-in path.
        tasks.run(() -> {
            services.auth().prepare();
            return null;
        }, ignored -> { }, failure -> { /* a real sign-in will report it */ });
    }

    private void showMain(Session session) {
        SignedIn ctx = new SignedIn(services, session, tasks, dialogs, clipboard, clock);
        MainViewModel vm = new MainViewModel(ctx, new FxKeyDialogs(() -> stage), openStore(), ZoneId.systemDefault(),
                this::signOut);
        vm.siteNameProperty().addListener((o, a, name) -> stage.setTitle(Messages.format("window.title.with", name)));
        MainView view = screens.main(vm, files);
        setRoot(view);
        vm.load();
    }

    /** The open store as the main window speaks of it. TODO(issue 13): team stores once the core is on main. */
    private com.keydesk.ui.main.OpenStore openStore() {
        return new com.keydesk.ui.main.OpenStore() {
            @Override
            public String display() {
                return folder.toString();
            }

            @Override
            public boolean isTeamStore() {
                return false;
            }

            @Override
            public void openTeamStore() {
            }

            @Override
            public void moveToTeamStore(Session session) {
            }
        };
    }

    private void signOut() {
        clipboard.clearIfStillHoldsSecret();
        showSignIn();
    }

    /**
     * The procedure of {@code keydesk restore} (service/StoreRestore): the backup is read and checked
     * while this store stays open, which is closed only for the swap; then everyone signs in again,
     * against the restored users.
     */
    @Override
    public void restore(Session session, Path backup, boolean otherSiteConfirmed, Consumer<Throwable> onFailure) {
        tasks.run(() -> {
            StoreRestore.Outcome outcome;
            try {
                outcome = new StoreRestore(folder, clock).restore(services, session, backup, otherSiteConfirmed, () -> {
                    Database open = db;
                    db = null;
                    open.close();
                });
            } catch (RuntimeException failed) {
                if (db == null) {
                    reopen(failed);   // closed for the swap, then put back: work on with it
                }
                throw failed;
            }
            reopen(null);
            // restored on purpose, through KeyDesk: an older history here is expected, not a rollback
            historyProblem = null;
            witness.remember();
            return java.util.Optional.ofNullable(outcome.keptAside());
        }, keptAside -> {
            clipboard.clearIfStillHoldsSecret();
            showSignIn();
            dialogs.showInformation(Messages.get("restore.done.heading"), Messages.format("restore.done.sentence",
                    backup, keptAside.map(p -> p.getFileName().toString()).orElse("-")));
        }, failure -> {
            if (db == null) {
                storeFailed(failure);
            } else {
                onFailure.accept(failure);
            }
        });
    }

    /** Opens the store again after a restore; a failure to reopen is added to the restore's own failure. */
    private void reopen(RuntimeException restoreFailure) {
        try {
            Database reopened = Database.open(folder);
            db = reopened;
            services = wire(reopened);
        } catch (RuntimeException reopenFailure) {
            if (restoreFailure == null) {
                throw reopenFailure;
            }
            restoreFailure.addSuppressed(reopenFailure);
        }
    }

    @Override
    public Path storeFolder() {
        return folder;
    }

    private void storeFailed(Throwable failure) {
        if (failure instanceof StoreException store && store.reason() == StoreException.Reason.IN_USE) {
            dialogs.showError(Messages.get("store.inUse.heading"), Messages.format("store.inUse.sentence", folder), null);
        } else {
            dialogs.showError(Messages.get("store.failed.heading"), ErrorText.sentence(failure),
                    ErrorText.isExpected(failure) ? null : failure);
        }
        exit.run();
    }

    /** On exit: the clipboard loses a key it still holds, and the store is closed cleanly. */
    public void shutdown() {
        clipboard.clearIfStillHoldsSecret();
        Database open = db;
        db = null;
        if (open != null) {
            try {
                if (historyProblem == null && witness != null) {
                    witness.remember();   // how far the history went, for the next start to check
                }
            } catch (RuntimeException e) {
                // the memory is a check for next time; failing to update it must never stop an exit
            } finally {
                open.close();
            }
        }
    }

    private void setRoot(Parent root) {
        stage.getScene().setRoot(root);
    }

    private static Parent opening() {
        ProgressIndicator busy = new ProgressIndicator();
        Label text = new Label(Messages.get("start.opening"));
        VBox box = new VBox(12, busy, text);
        box.setAlignment(Pos.CENTER);
        box.setPrefSize(900, 640);
        return box;
    }
}
