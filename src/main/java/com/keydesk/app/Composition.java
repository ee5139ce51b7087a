package com.keydesk.app;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.StoreException;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.StoreCreation;
import com.keydesk.service.StoreRestore;
import com.keydesk.service.Witness;
import com.keydesk.service.WitnessLocation;
import com.keydesk.store.Database;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.ui.DialogService;
import com.keydesk.ui.FilePicker;
import com.keydesk.ui.FxDialogService;
import com.keydesk.ui.FxFilePicker;
import com.keydesk.ui.FxSecretClipboard;
import com.keydesk.ui.Confirmations;
import com.keydesk.ui.FxConfirmations;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SecretClipboard;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.TaskRunner;
import com.keydesk.ui.Theme;
import com.keydesk.ui.WindowPlacement;
import com.keydesk.ui.Windows;
import com.keydesk.ui.keys.FxKeyDialogs;
import com.keydesk.ui.main.MainView;
import com.keydesk.ui.main.MainViewModel;
import com.keydesk.ui.password.ChangePasswordView;
import com.keydesk.ui.password.ChangePasswordViewModel;
import com.keydesk.ui.settings.StoreRestorer;
import com.keydesk.ui.settings.UiPreferences;
import com.keydesk.ui.start.SetupView;
import com.keydesk.ui.start.SetupViewModel;
import com.keydesk.ui.start.StoreLinks;
import com.keydesk.ui.start.SignInView;
import com.keydesk.ui.start.SignInViewModel;
import com.keydesk.ui.teamstore.RecentStores;
import javafx.application.Platform;
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
 * thread, then shows first-start setup or sign-in, then the main window. The store is this
 * computer's folder or a team store, and the person may switch between them ({@link StoreSwitch}).
 * Tests build one with cheap Argon2 parameters, a test clock and a same-thread runner; the shipped
 * program passes {@link Argon2Params#SHIPPED}.
 */
public final class Composition implements StoreRestorer {
    private final Stage stage;
    /** This computer's store folder: where "Use this computer's store" goes back to. */
    private final Path localFolder;
    private final Argon2Params params;
    private final Clock clock;
    private final TaskRunner tasks;
    private final UiPreferences preferences;
    private final Runnable exit;
    private final DialogService dialogs;
    private final SecretClipboard clipboard;
    private final Confirmations confirmations;
    private final Screens screens;
    private final StoreSwitch switching;
    private FilePicker files;
    /**
     * What the services are wrapped in before anyone sees them; tests watch which thread calls them.
     * Set by a test's thread, read by the thread that opens the store.
     */
    private volatile java.util.function.UnaryOperator<Services> servicesWrapper = java.util.function.UnaryOperator.identity();
    /** The store the start screens are about; its database is {@link #open}, or null while none exists there yet. */
    private volatile StoreAddress address;
    private volatile OpenedStore open;
    /** The signed-in window's live view of others' changes (team stores only); JavaFX thread. */
    private LiveUpdates live;

    public Composition(Stage stage, Path folder, Argon2Params params, Clock clock, TaskRunner tasks,
                       UiPreferences preferences, Runnable exit) {
        this(stage, new StoreAddress.Local(folder), folder, params, clock, tasks, preferences, exit,
                RecentStores.beside(WitnessLocation.resolveForThisMachine()));
    }

    /**
     * @param address     the store to open first: a local folder or a team store
     * @param localFolder this computer's store folder, offered when a team store is open
     */
    public Composition(Stage stage, StoreAddress address, Path localFolder, Argon2Params params, Clock clock,
                       TaskRunner tasks, UiPreferences preferences, Runnable exit, RecentStores recentStores) {
        this.stage = stage;
        this.address = address;
        this.localFolder = localFolder;
        this.params = params;
        this.clock = clock;
        this.tasks = tasks;
        this.preferences = preferences;
        this.exit = exit;
        this.dialogs = new FxDialogService(() -> stage);
        this.confirmations = new FxConfirmations(() -> stage, preferences.darkThemeProperty()::get);
        this.clipboard = new FxSecretClipboard(preferences::clipboardClearDelay,
                () -> confirmations.show(Messages.get("confirm.clipboardCleared")));
        this.screens = new Screens(stage, preferences, this);
        this.files = new FxFilePicker(() -> stage);
        this.switching = new StoreSwitch(this, stage, tasks, dialogs, recentStores, clock);
    }

    /** Tests wrap every store's services (the robot suite records calls made on the JavaFX thread). */
    public void wrapServices(java.util.function.UnaryOperator<Services> wrapper) {
        this.servicesWrapper = wrapper;
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
        OpenedStore now = open;
        return now == null ? null : now.services();
    }

    /** The store the app is on now (tests and diagnostics). */
    public StoreAddress address() {
        return address;
    }

    /** Shows a moment of "opening", then setup or sign-in once the store is open. */
    public void start() {
        Theme.apply(preferences.darkThemeProperty().get());
        preferences.darkThemeProperty().addListener((o, was, dark) -> Theme.apply(dark));
        Windows.setIcon(stage);
        title("window.title");
        stage.setScene(Windows.scene(opening(Messages.get("start.opening"))));
        placeWindow();
        stage.show();
        StoreAddress first = address;
        tasks.run(() -> openIfThere(first), opened -> {
            if (opened == null) {
                showSetup();
            } else {
                open = opened;
                showSignIn();
                // after the sign-in screen is drawn, so the warning stands in front of it
                Platform.runLater(this::warnIfHistoryChanged);
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

    /** Runs in the background: the store at {@code target} opened and wired, or null when there is none yet. */
    OpenedStore openIfThere(StoreAddress target) {
        Database database;
        try {
            database = Database.open(target);   // one look at the store: not exists() first, then open()
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.MISSING) {
                return null;
            }
            throw e;
        }
        try {
            return wire(target, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Runs in the background: the services, and the witness's look at the store's history. */
    private OpenedStore wire(StoreAddress target, Database database) {
        Services wired = servicesWrapper.apply(Services.over(database, params, clock, new SecureRandom()));
        Witness witness = Witness.over(database, clock, WitnessLocation.resolveForThisMachine(), target.display());
        return new OpenedStore(target, database, wired, witness, witness.check().orElse(null));
    }

    /** Loud, and before anyone signs in: the history this installation saw of the store is gone or changed. */
    void warnIfHistoryChanged() {
        OpenedStore now = open;
        if (now != null && now.historyProblem() != null) {
            dialogs.showError(Messages.get("witness.heading"), Messages.format("witness.sentence", now.historyProblem()), null);
        }
    }

    /**
     * Leaves the store open now for {@code target}, already opened (null: there is no store there
     * yet, and setup will make one): the old one is closed in the background, remembering how far
     * its history went.
     */
    void switchTo(StoreAddress target, OpenedStore opened) {
        stopLive();
        clipboard.clearIfStillHoldsSecret();
        OpenedStore previous = open;
        address = target;
        open = opened;
        if (previous != null) {
            tasks.run(() -> {
                previous.close();
                return null;
            }, ignored -> { }, failure -> { });
        }
        showStart();
        if (opened != null) {
            Platform.runLater(this::warnIfHistoryChanged);
        }
    }

    /** Sign-in for the store open now, or setup when there is none there yet. */
    void showStart() {
        if (open != null) {
            showSignIn();
        } else {
            showSetup();
        }
    }

    private void showSetup() {
        title("setup.title");
        SetupViewModel vm = new SetupViewModel(this::initialise, tasks, this::showMain);
        offerStores(vm.stores());
        setRoot(new SetupView(vm, address.display()));
    }

    /** Runs in the background: the procedure keydesk init runs too (service/StoreCreation). */
    private Session initialise(String siteName, String admin, String displayName, char[] password) {
        StoreAddress target = address;
        OpenedStore[] made = new OpenedStore[1];
        StoreCreation.Created created = StoreCreation.create(target, siteName, admin, displayName, password, database -> {
            made[0] = wire(target, database);
            return made[0].services();
        });
        open = made[0];
        // a new store here replaces whatever this installation remembered of an earlier one
        made[0].witness().remember();
        return created.session();
    }

    void showSignIn() {
        title("signin.title");
        OpenedStore now = open;
        SignInViewModel vm = new SignInViewModel(now.services().auth(), tasks, address.display(), this::showMain);
        offerStores(vm.stores());
        setRoot(new SignInView(vm));
        // While the person types: load Argon2's native library and warm the sign-in path.
        tasks.run(() -> {
            now.services().auth().prepare();
            return null;
        }, ignored -> { }, failure -> { /* a real sign-in will report it */ });
    }

    void showMain(Session session) {
        OpenedStore now = open;
        SignedIn ctx = new SignedIn(now.services(), session, tasks, dialogs, clipboard, clock, confirmations);
        MainViewModel vm = new MainViewModel(ctx, new FxKeyDialogs(() -> stage), switching.openStore(address),
                ZoneId.systemDefault(), this::signOut);
        vm.siteNameProperty().addListener((o, a, name) -> stage.setTitle(Messages.format("window.title.store",
                Messages.format("window.title.with", name), address.display())));
        MainView view = screens.main(vm, files);
        setRoot(view);
        vm.whenPasswordMustChange(() -> {
            // an administrator reset the password: nothing else until the person has chosen their own
            dialogs.showInformation(Messages.get("main.mustChange.heading"), Messages.get("main.mustChange.sentence"));
            ChangePasswordViewModel change = new ChangePasswordViewModel(ctx);
            ChangePasswordView.showAndWait(stage, change);
            if (change.changedProperty().get()) {
                vm.load();
            } else {
                signOut();
            }
        });
        vm.load();
        stopLive();
        if (address instanceof TeamStore team) {
            live = LiveUpdates.start(team, vm, Platform::runLater);
        }
    }

    /** Every start screen offers a team store; while one is open, this computer's store too. */
    private void offerStores(StoreLinks links) {
        links.offerTeamStore(switching::openTeamStore);
        if (address instanceof TeamStore) {
            links.offerLocalStore(switching::openLocalStore);
        }
    }

    /** The signed-in window is left (another store is being opened): it stops hearing changes, the clipboard forgets. */
    void leaveWindow() {
        stopLive();
        clipboard.clearIfStillHoldsSecret();
    }

    private void signOut() {
        stopLive();
        clipboard.clearIfStillHoldsSecret();
        showSignIn();
    }

    private void stopLive() {
        LiveUpdates was = live;
        live = null;
        if (was != null) {
            was.close();
        }
    }

    /** This computer's own store, offered while a team store is open. */
    Path localFolder() {
        return localFolder;
    }

    OpenedStore openStore() {
        return open;
    }

    /**
     * The procedure of {@code keydesk restore} (service/StoreRestore): the backup is read and checked
     * while this store stays open, which is closed only for the swap; then everyone signs in again,
     * against the restored users. A team store is never restored over (others work on it).
     */
    @Override
    public void restore(Session session, Path backup, boolean otherSiteConfirmed, Consumer<Throwable> onFailure) {
        if (!(address instanceof StoreAddress.Local local)) {
            onFailure.accept(new ConflictException(whyNoRestore()));
            return;
        }
        Path folder = local.folder();
        tasks.run(() -> {
            StoreRestore.Outcome outcome;
            try {
                outcome = new StoreRestore(folder, clock).restore(services(), session, backup, otherSiteConfirmed, () -> {
                    OpenedStore was = open;
                    open = null;
                    was.database().close();
                });
            } catch (RuntimeException failed) {
                if (open == null) {
                    reopen(local, failed);   // closed for the swap, then put back: work on with it
                }
                throw failed;
            }
            reopen(local, null);
            // restored on purpose, through KeyDesk: an older history here is expected, not a rollback
            OpenedStore reopened = open;
            open = reopened.withoutHistoryProblem();
            reopened.witness().remember();
            return java.util.Optional.ofNullable(outcome.keptAside());
        }, keptAside -> {
            clipboard.clearIfStillHoldsSecret();
            showSignIn();
            dialogs.showInformation(Messages.get("restore.done.heading"), Messages.format("restore.done.sentence",
                    backup, keptAside.map(p -> p.getFileName().toString()).orElse("-")));
        }, failure -> {
            if (open == null) {
                storeFailed(failure);
            } else {
                onFailure.accept(failure);
            }
        });
    }

    /** Opens the store again after a restore; a failure to reopen is added to the restore's own failure. */
    private void reopen(StoreAddress.Local local, RuntimeException restoreFailure) {
        try {
            open = openIfThere(local);
        } catch (RuntimeException reopenFailure) {
            if (restoreFailure == null) {
                throw reopenFailure;
            }
            restoreFailure.addSuppressed(reopenFailure);
        }
    }

    @Override
    public String storeLocation() {
        return address.display();
    }

    @Override
    public String whyNoRestore() {
        return address instanceof TeamStore ? Messages.get("settings.restore.teamStore") : null;
    }

    private void storeFailed(Throwable failure) {
        if (failure instanceof StoreException store && store.reason() == StoreException.Reason.IN_USE) {
            dialogs.showError(Messages.get("store.inUse.heading"), Messages.format("store.inUse.sentence",
                    address.display()), null);
        } else {
            dialogs.showFailure(Messages.get("store.failed.heading"), failure);
        }
        exit.run();
    }

    /**
     * On exit. At once, on the JavaFX thread: the clipboard loses a key it still holds and the feed
     * stops. Then on a thread of its own: {@code afterWork} (waiting for background work, so that the
     * store is never closed under a running transaction), and the store is closed cleanly. Closing is
     * JDBC and may compact an H2 file for seconds, which the window must not hang for; the thread is
     * not a daemon, so the JVM waits for it before it exits. Returns that thread.
     */
    public Thread shutdown(Runnable afterWork) {
        stopLive();
        clipboard.clearIfStillHoldsSecret();
        OpenedStore was = open;
        open = null;
        return Thread.ofPlatform().name("keydesk-store-close").daemon(false).start(() -> {
            try {
                afterWork.run();
            } finally {
                if (was != null) {
                    was.close();
                }
            }
        });
    }

    /** The window's title names the store, whichever screen shows. */
    void title(String key) {
        stage.setTitle(Messages.format("window.title.store", Messages.get(key), address.display()));
    }

    void setRoot(Parent root) {
        stage.getScene().setRoot(root);
    }

    static Parent opening(String sentence) {
        ProgressIndicator busy = new ProgressIndicator();
        Label text = new Label(sentence);
        text.setId("openingStore");
        VBox box = new VBox(12, busy, text);
        box.setAlignment(Pos.CENTER);
        box.setPrefSize(900, 640);
        return box;
    }
}
