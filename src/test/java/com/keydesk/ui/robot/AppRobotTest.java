package com.keydesk.ui.robot;

import com.keydesk.app.Composition;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.WorkerThreadTaskRunner;
import com.keydesk.ui.keys.KeyRow;
import com.keydesk.ui.settings.UiPreferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole desktop app on a real store in a temporary folder, driven as a person drives it:
 * cheap Argon2 and a task runner that waits for its worker thread (test wiring), headless Monocle.
 * Every test fails if the UI called a service on the JavaFX thread ({@link FxThreadGuard}).
 */
abstract class AppRobotTest extends FxRobot {
    protected Path folder;
    protected final MutableClock clock = new MutableClock();
    protected Composition app;
    protected Stage stage;
    /** What the JavaFX thread threw that nobody caught (the app shows these as "Something went wrong"). */
    protected final List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Runs each task's work on a worker thread and waits: deterministic, and off the JavaFX thread. */
    protected final WorkerThreadTaskRunner tasks = new WorkerThreadTaskRunner();
    protected final FxThreadGuard fxThreadGuard = new FxThreadGuard();

    /** Seeds the store before the app opens it; the default is a set-up site (admin alice). */
    protected void seed(TestStore store) {
    }

    protected boolean createStore() {
        return true;
    }

    /** Where the app's store lives; the default is a fresh temporary folder. */
    protected Path storeFolder() throws java.io.IOException {
        return Files.createTempDirectory("keydesk-robot").resolve("store");
    }

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        folder = storeFolder();
        if (createStore()) {
            try (TestStore store = TestStore.in(folder.getParent())) {
                seed(store);
            }
        }
        FxToolkit.setupFixture(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, failure) -> uncaught.add(failure));
            stage = new Stage();
            app = compose(stage);
            app.wrapServices(fxThreadGuard::guard);
            app.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The app under test; the default is the local store in {@link #folder}. */
    protected Composition compose(Stage stage) {
        return new Composition(stage, folder, TestStore.CHEAP, clock, tasks,
                UiPreferences.inMemory(), () -> { });
    }

    @AfterEach
    void closeApp() throws Exception {
        Thread[] closing = new Thread[1];
        FxToolkit.setupFixture(() -> {
            // Close whatever a failed test left open (dialogs), then the main window.
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w instanceof Stage s && s != stage && s.isShowing()) {
                    s.close();
                }
            }
            closing[0] = app.shutdown(() -> { });
            stage.close();
        });
        closing[0].join();   // the store is closed before the temporary folder goes
        tasks.close();
        org.assertj.core.api.Assertions.assertThat(fxThreadGuard.callsOnFxThread())
                .as("service calls made on the JavaFX thread (run them through the TaskRunner)").isEmpty();
    }

    protected void assertNothingUncaught() {
        WaitForAsyncUtils.waitForFxEvents();
        org.assertj.core.api.Assertions.assertThat(uncaught).as("failures on the JavaFX thread").isEmpty();
    }

    /**
     * What another person or process does to the store meanwhile: on the test's own thread, never
     * the JavaFX thread (the suite fails on any service call made there).
     */
    protected void asAnotherPerson(Runnable change) {
        change.run();
    }

    protected void signIn(String username, String password) {
        clickOn("#usernameField").write(username);
        clickOn("#passwordField").write(password);
        clickOn("#signInButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void signInAsAdmin() {
        signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD);
    }

    /** A button of the alert or dialog now showing (not of the window behind it). */
    protected void clickDialogButton(String text) {
        Button button = lookup((Node n) -> n instanceof Button b && text.equals(b.getText())
                && b.getScene() != stage.getScene() && b.isVisible()).queryButton();
        clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    protected List<KeyRow> visibleKeys() {
        TableView<KeyRow> table = (TableView<KeyRow>) lookup("#keyTable").match(Node::isVisible).query();
        return List.copyOf(table.getItems());
    }

    /** The alert or dialog now showing (a window other than the main one). */
    protected javafx.scene.control.DialogPane dialogPane() {
        return lookup(".dialog-pane").match((Node n) -> n.getScene() != stage.getScene() && n.isVisible())
                .queryAs(javafx.scene.control.DialogPane.class);
    }

    /** A row of the table with this id whose item satisfies the test. */
    protected void selectRow(String tableId, java.util.function.Predicate<Object> item) {
        Node row = lookup(tableId + " .table-row-cell").match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() != null && item.test(r.getItem())).query();
        clickOn(row);
    }

    @SuppressWarnings("unchecked")
    protected <T> List<T> rowsOf(String tableId) {
        TableView<T> table = (TableView<T>) lookup(tableId).match(Node::isVisible).query();
        return List.copyOf(table.getItems());
    }

    /** Clicks into the field, selects everything in it and types the new text over it. */
    protected void replaceText(String query, String text) {
        clickOn(query);
        push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        if (text.isEmpty()) {
            type(javafx.scene.input.KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
    }

    protected void signOut() {
        clickOn("#signOutButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void selectKey(String name) {
        Node row = lookup(".table-row-cell").match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof KeyRow k && k.name().equals(name)).query();
        clickOn(row);
    }
}
