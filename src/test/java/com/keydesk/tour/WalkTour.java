package com.keydesk.tour;

import com.keydesk.app.Composition;
import com.keydesk.app.QuietLogging;
import com.keydesk.crypto.Argon2Params;
import com.keydesk.ui.FakeFilePicker;
import com.keydesk.ui.FxTaskRunner;
import com.keydesk.ui.settings.UiPreferences;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A person's walk through every journey of issue 17, on a new empty store, with the real app (real
 * Argon2, background threads, GTK glass under Xvfb): setup, keys and their lifecycle, users,
 * settings, audit log, inactive keys, scan, a non-administrator, keyboard only. Each step saves the
 * whole X screen (ImageMagick's import), so a dialog is where the window manager-less screen
 * really puts it and popups are drawn as they are. Run by {@code scripts/walk.sh}; not a test.
 *
 * <p>Arguments: STORE_DIR OUT_DIR SCAN_FOLDER. {@code -Dkeydesk.tour.dark=true} walks in the dark theme.
 * A journey that fails is written down (walk-failures.txt) and the walk goes on with the next.
 */
public final class WalkTour extends FxRobot {
    private static final String ADMIN_PASSWORD = "walk password alice";
    private static final String BOB_PASSWORD = "walk password bob";
    private final Path store;
    private final Path out;
    private final Path scanFolder;
    private final List<String> failures = new ArrayList<>();
    private Stage stage;
    private Composition app;
    private FxTaskRunner tasks;
    private int step;

    private WalkTour(Path store, Path out, Path scanFolder) {
        this.store = store;
        this.out = out;
        this.scanFolder = scanFolder;
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.install();
        System.setProperty("testfx.robot", "glass");
        WalkTour walk = new WalkTour(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        int status = 0;
        try {
            walk.start();
            walk.walk();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            walk.stop();
        }
        System.exit(status);
    }

    private void start() throws Exception {
        Files.createDirectories(out);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            tasks = new FxTaskRunner();
            UiPreferences preferences = UiPreferences.inMemory();
            preferences.darkThemeProperty().set(Boolean.getBoolean("keydesk.tour.dark"));
            app = new Composition(stage, store, Argon2Params.SHIPPED, Clock.systemUTC(), tasks, preferences, () -> { });
            FakeFilePicker picker = new FakeFilePicker();
            picker.folderToScan = scanFolder;
            picker.exportTarget = out.resolve("audit-export.csv");
            picker.backupTarget = out.resolve("backup.zip");
            app.useFilePicker(picker);
            app.start();
        });
        waitUntil(() -> lookup("#siteNameField").tryQuery().isPresent());
    }

    private void walk() throws Exception {
        journey("setup", this::setup);
        journey("keys", this::keys);
        journey("lifecycle", this::lifecycle);
        journey("users", this::users);
        journey("settings", this::settings);
        journey("audit", this::audit);
        journey("scan", this::scan);
        journey("keyboard", this::keyboard);
        journey("non-administrator", this::nonAdministrator);
        Files.write(out.resolve("walk-failures.txt"), failures);
    }

    private interface Journey {
        void walk() throws Exception;
    }

    private void journey(String name, Journey journey) throws Exception {
        try {
            journey.walk();
        } catch (Throwable e) {
            failures.add(name + ": " + e);
            e.printStackTrace();
            snap(name + "-FAILED");
            closeDialogs();
        }
    }

    private void setup() throws Exception {
        snap("setup-empty");
        clickOn("#siteNameField");
        clickOn("#usernameField");
        snap("setup-site-name-required");
        clickOn("#siteNameField").write("Acme Corp");
        clickOn("#usernameField").write("alice");
        clickOn("#displayNameField").write("Alice Jones");
        clickOn("#passwordField").write("password1234");
        snap("setup-weak-password");
        push(KeyCode.CONTROL, KeyCode.A);
        write(ADMIN_PASSWORD);
        clickOn("#repeatField").write(ADMIN_PASSWORD);
        snap("setup-filled");
        clickOn("#createStoreButton");
        waitUntil(() -> lookup("#signOutButton").tryQuery().isPresent());
        snap("main-empty");
    }

    private void keys() throws Exception {
        clickOn("#nav-SITE_KEYS");
        clickOn(visible("#newKeyButton"));
        waitUntil(() -> lookup("#nameField").tryQuery().isPresent());
        snap("site-key-new");
        clickOn("#nameField").write("CI deploy");
        clickOn("#descriptionField").write("GitHub Actions: deploys the web app");
        snap("site-key-filled");
        clickOn("#createButton");
        waitUntil(() -> lookup("#secretField").tryQuery().isPresent());
        snap("site-key-copy-now");
        clickOn("#copyButton");
        snap("site-key-copied");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        waitUntil(() -> true);
        snap("site-key-made");

        clickOn("#nav-USERS");
        clickOn("#addUserButton");
        waitUntil(() -> lookup("#newUsernameField").tryQuery().isPresent());
        snap("user-add");
        clickOn("#newUsernameField").write("bob");
        clickOn("#newDisplayNameField").write("Bob Martin");
        clickOn("#newPasswordField").write(BOB_PASSWORD);
        clickOn("#newRepeatField").write(BOB_PASSWORD);
        snap("user-add-filled");
        clickOn("#addUserConfirm");
        waitUntil(() -> lookup("#newUsernameField").tryQuery().isEmpty());
        snap("user-added");

        clickOn("#nav-USER_KEYS");
        clickOn(visible("#newKeyButton"));
        waitUntil(() -> lookup("#nameField").tryQuery().isPresent());
        clickOn("#nameField").write("Bob laptop with a rather long name for its column");
        clickOn("#ownerField").write("bo");
        waitUntil(() -> true);
        snap("user-key-owner-list");
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        snap("user-key-filled");
        clickOn("#createButton");
        waitUntil(() -> lookup("#secretField").tryQuery().isPresent());
        snap("user-key-copy-now");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        waitUntil(() -> true);
        snap("user-key-made");
    }

    private void lifecycle() throws Exception {
        clickOn("#nav-SITE_KEYS");
        selectKey("CI deploy");
        clickOn(visible("#toggleButton"));
        waitUntil(() -> true);
        snap("disabled");
        clickOn(visible("#toggleButton"));
        waitUntil(() -> true);
        snap("enabled-again");
        clickOn(visible("#detailsButton"));
        waitUntil(() -> lookup("#detailsName").tryQuery().isPresent());
        snap("details");
        clickOn("#detailsDescription").write(" (edited)");
        snap("details-edited");
        type(KeyCode.ESCAPE);
        waitUntil(() -> true);
        snap("details-escape-asks");
        closeDialogs();
        selectKey("CI deploy");
        clickOn(visible("#replaceButton"));
        waitUntil(() -> true);
        snap("replace-confirm");
        clickOnButton("Revoke and create a new key");
        waitUntil(() -> lookup("#secretField").tryQuery().isPresent());
        snap("replace-copy-now");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        waitUntil(() -> true);
        selectKey("CI deploy");
        clickOn(visible("#revokeButton"));
        waitUntil(() -> lookup("#typeToConfirm").tryQuery().isPresent());
        snap("revoke-site-key");
        clickOn("#typeToConfirm").write("CI deploy");
        clickOnButton("Revoke");
        waitUntil(() -> true);
        snap("revoked");
        clickOn(visible("#inactiveButton"));
        waitUntil(() -> true);
        snap("inactive");
        closeDialogs();
        // the context menu on a row (keyboard: the menu key)
        clickOn("#nav-USER_KEYS");
        rightClickOn(keyRow());
        snap("context-menu");
        type(KeyCode.ESCAPE);
        clickOn(visible("#statusFilter"));
        snap("status-filter-list");
        type(KeyCode.ESCAPE);
        moveTo(visible("#refreshButton"));
        Thread.sleep(1500);
        snap("tooltip");
    }

    private void users() throws Exception {
        clickOn("#nav-USERS");
        selectRow("#userTable", "bob");
        snap("users-bob");
        clickOn("#resetPasswordButton");
        waitUntil(() -> lookup("#resetPasswordField").tryQuery().isPresent());
        snap("reset-password");
        closeDialogs();
        clickOn("#renameButton");
        waitUntil(() -> lookup("#renameField").tryQuery().isPresent());
        snap("rename");
        closeDialogs();
        clickOn("#activeButton");
        waitUntil(() -> true);
        snap("deactivate-confirm");
        closeDialogs();
        clickOn("#adminButton");
        waitUntil(() -> true);
        snap("promote-confirm");
        closeDialogs();
    }

    private void settings() throws Exception {
        clickOn("#nav-SETTINGS");
        waitUntil(() -> !lookup("#usersCanCreateToggle").query().isDisabled());
        snap("settings");
        clickOn("#usersCanCreateToggle");
        waitUntil(() -> true);
        snap("settings-switch-asks");
        clickOnButton("Turn on for every user");
        waitUntil(() -> true);
        snap("settings-switch-saved");
        scroll(10, javafx.geometry.VerticalDirection.DOWN);
        snap("settings-bottom");
        clickOn("#backupButton");
        waitUntil(() -> true);
        snap("backup");
        closeDialogs();
    }

    private void audit() throws Exception {
        clickOn("#nav-AUDIT");
        waitUntil(() -> true);
        snap("audit");
        clickOn("#auditActionFilter");
        snap("audit-action-list");
        type(KeyCode.ESCAPE);
        clickOn("#auditTargetFilter").write("ci deploy");
        waitUntil(() -> true);
        clickOn("#auditExport");
        snap("audit-export-menu");
        clickOn("#auditExportCsv");
        waitUntil(() -> true);
        snap("audit-exported");
        clickOn("#verifyButton");
        waitUntil(() -> true);
        snap("audit-verified");
    }

    private void scan() throws Exception {
        clickOn("#nav-SCAN");
        clickOn("#scanFolderButton");
        waitUntil(() -> true);
        Thread.sleep(1500);
        snap("scan");
    }

    /** Keyboard only: sections by Ctrl+digit, Tab through the key screen, Enter on a row, Escape. */
    private void keyboard() throws Exception {
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil(() -> true);
        snap("kb-user-keys");
        push(KeyCode.CONTROL, KeyCode.F);
        snap("kb-search");
        int tabs = 0;
        while (tabs < 8 && !(stage.getScene().getFocusOwner() instanceof javafx.scene.control.TableView<?>)) {
            type(KeyCode.TAB);
            tabs++;
            snap("kb-tab-" + tabs);
        }
        System.out.println("walk: Tabs from the search field to the table: " + tabs);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        waitUntil(() -> true);
        snap("kb-details");
        type(KeyCode.ESCAPE);
        waitUntil(() -> true);
        snap("kb-after-details");
    }

    private void nonAdministrator() throws Exception {
        closeDialogs();
        clickOn("#signOutButton");
        waitUntil(() -> lookup("#usernameField").tryQuery().isPresent());
        clickOn("#usernameField").write("bob");
        clickOn("#passwordField").write("not bob's password");
        clickOn("#signInButton");
        waitUntil(() -> true);
        Thread.sleep(1500);
        snap("bob-wrong-password");
        closeDialogs();
        clickOn("#passwordField");
        push(KeyCode.CONTROL, KeyCode.A);
        write(BOB_PASSWORD);
        clickOn("#signInButton");
        waitUntil(() -> lookup("#signOutButton").tryQuery().isPresent());
        snap("bob-my-keys");
        clickOn(visible("#newKeyButton"));
        waitUntil(() -> lookup("#nameField").tryQuery().isPresent());
        clickOn("#nameField").write("Bob tablet");
        snap("bob-new-key");
        closeDialogs();
        clickOn("#userMenu");
        snap("bob-user-menu");
        clickOn("#changePasswordItem");
        waitUntil(() -> true);
        snap("bob-change-password");
        closeDialogs();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Node visible(String query) {
        return lookup(query).match(Node::isVisible).query();
    }

    private void selectKey(String name) {
        clickOn((Node) lookup((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && n.isVisible()
                && r.getItem() instanceof com.keydesk.ui.keys.KeyRow k && k.name().equals(name)).query());
    }

    private Node keyRow() {
        return lookup((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && n.isVisible()
                && r.getItem() instanceof com.keydesk.ui.keys.KeyRow).query();
    }

    private void selectRow(String table, String text) {
        clickOn((Node) lookup((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && n.isVisible()
                && r.getItem() != null && r.getItem().toString().contains(text)
                && n.getParent() != null).query());
    }

    private void clickOnButton(String text) {
        clickOn((Node) lookup((Node n) -> n instanceof javafx.scene.control.Button b && text.equals(b.getText())
                && b.isVisible() && b.getScene() != stage.getScene()).query());
    }

    private void closeDialogs() throws Exception {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage && w.isShowing() && w instanceof Stage s) {
                FxToolkit.setupFixture(s::close);
            }
        }
        waitUntil(() -> true);
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The whole X screen as it is now. */
    private void snap(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(250);
        Path file = out.resolve(String.format("%02d-%s.png", ++step, name));
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        p.waitFor();
        System.out.println("walk: " + file);
    }

    private void stop() {
        try {
            if (app != null) {
                Thread[] closing = new Thread[1];
                FxToolkit.setupFixture(() -> {
                    closing[0] = app.shutdown(() -> { });
                    stage.close();
                });
                closing[0].join();
            }
            if (tasks != null) {
                tasks.close();
            }
            FxToolkit.cleanupStages();
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
