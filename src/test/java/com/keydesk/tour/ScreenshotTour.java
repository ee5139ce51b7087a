package com.keydesk.tour;

import com.keydesk.app.Composition;
import com.keydesk.app.QuietLogging;
import com.keydesk.crypto.Argon2Params;
import com.keydesk.ui.FxTaskRunner;
import com.keydesk.ui.settings.UiPreferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives the real desktop app (real Argon2 cost, background threads, GTK glass under Xvfb) over a
 * demo store and saves one PNG per main screen. Run by {@code scripts/screenshots.sh}; not a test.
 * Dialogs are drawn over the dimmed main window, as a person sees them.
 *
 * <p>Arguments: STORE_DIR OUT_DIR ADMIN ADMIN_PASSWORD USER USER_PASSWORD. System properties
 * {@code keydesk.tour.dark=true} and {@code keydesk.tour.size=1024x700} take the tour in the dark
 * theme or at another window size (scripts/screenshots.sh passes them on from KEYDESK_TOUR_OPTS).
 */
public final class ScreenshotTour extends FxRobot {
    private final Path store;
    private final Path out;
    private Stage stage;
    private Composition app;
    private FxTaskRunner tasks;

    private ScreenshotTour(Path store, Path out) {
        this.store = store;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ScreenshotTour STORE_DIR OUT_DIR ADMIN ADMIN_PASSWORD USER USER_PASSWORD");
            System.exit(2);
        }
        QuietLogging.install();
        System.setProperty("testfx.robot", "glass");
        ScreenshotTour tour = new ScreenshotTour(Path.of(args[0]), Path.of(args[1]));
        int status = 0;
        try {
            tour.start();
            tour.run(args[2], args[3], args[4], args[5]);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            tour.stop();
        }
        System.exit(status);
    }

    private void start() throws Exception {
        Files.createDirectories(out);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            tasks = new FxTaskRunner();
            UiPreferences preferences = UiPreferences.inMemory();
            preferences.darkThemeProperty().set(Boolean.getBoolean("keydesk.tour.dark"));
            app = new Composition(stage, store, Argon2Params.SHIPPED, Clock.systemUTC(), tasks,
                    preferences, () -> { });
            String scanFolder = System.getProperty("keydesk.tour.scanFolder");
            if (scanFolder != null) {
                com.keydesk.ui.FakeFilePicker picker = new com.keydesk.ui.FakeFilePicker();
                picker.folderToScan = Path.of(scanFolder);
                app.useFilePicker(picker);
            }
            app.start();
            String size = System.getProperty("keydesk.tour.size");   // e.g. 1024x700, a small screen
            if (size != null) {
                String[] wh = size.split("x");
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(Double.parseDouble(wh[0]));
                stage.setHeight(Double.parseDouble(wh[1]));
            }
        });
        waitUntil(() -> lookup("#usernameField").tryQuery().isPresent());
    }

    private void run(String admin, String adminPassword, String user, String userPassword) throws Exception {
        clickOn("#usernameField").write(admin);
        clickOn("#passwordField").write(adminPassword);
        shot("sign-in");
        clickOn("#signInButton");
        waitUntil(() -> lookup("#keyTable").tryQuery().isPresent() && rows("#keyTable") > 0);
        shot("site-keys");

        clickOn("#nav-USER_KEYS");
        waitUntil(() -> visibleRows("#keys-user_keys") > 0);
        shot("user-keys");

        clickOn("#newKeyButton");
        waitUntil(() -> lookup("#nameField").tryQuery().isPresent());
        // the name's rule broken first: the ControlsFX mark on the field, with the service's sentence
        clickOn("#nameField").write("x");
        type(javafx.scene.input.KeyCode.BACK_SPACE);
        shotWithDialog("create-key-invalid");
        write("Reporting export");
        clickOn("#descriptionField").write("Nightly export of the usage reports to the BI warehouse.");
        clickOn("#ownerField").write("da");
        // the owner picker's popup offers dave; a click takes him
        java.util.function.Predicate<Node> dave = n -> n instanceof javafx.scene.control.ListCell<?> c
                && n.isVisible() && "dave".equals(c.getItem());
        waitUntil(() -> lookup(dave).tryQuery().isPresent());
        Node offered = lookup(dave).query();
        clickOn(offered);
        // set, not clicked: a click on a cell could leave the drop-down open over the Create button
        interact(() -> lookup("#permissionField").queryComboBox().getSelectionModel()
                .select(com.keydesk.domain.PermissionSet.FILES_ONLY));
        shotWithDialog("create-key");
        clickOn("#createButton");
        waitUntil(() -> lookup("#secretField").tryQuery().isPresent());
        shotWithDialog("copy-now");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        if (Boolean.getBoolean("keydesk.tour.feedback")) {
            feedback();
        }

        clickOn("#nav-USERS");
        waitUntil(() -> rows("#userTable") > 0);
        shot("users");

        clickOn("#nav-SETTINGS");
        waitUntil(() -> !lookup("#usersCanCreateToggle").query().isDisabled());
        shot("settings");

        clickOn("#nav-AUDIT");
        waitUntil(() -> rows("#auditTable") > 0);
        clickOn("#verifyButton");
        waitUntil(() -> lookup("#verifyResult").tryQuery().map(Node::isVisible).orElse(false)
                && !lookup("#verifyResult").queryLabeled().getText().isEmpty());
        shot("audit-log");

        if (System.getProperty("keydesk.tour.scanFolder") != null) {
            clickOn("#nav-SCAN");
            clickOn("#scanFolderButton");
            waitUntil(() -> rows("#scanTable") > 0);
            shot("scan");
        }

        clickOn("#signOutButton");
        waitUntil(() -> lookup("#usernameField").tryQuery().isPresent());
        clickOn("#usernameField").write(user);
        clickOn("#passwordField").write(userPassword);
        clickOn("#signInButton");
        waitUntil(() -> visibleRows("#keys-my_keys") > 0);
        shot("my-keys");

        // a user's new key on a site with a maximum key lifetime: no "Never", and the form says why
        clickOn("#newKeyButton");
        waitUntil(() -> lookup("#expiryLimitHint").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#nameField").write("Tablet");
        shotWithDialog("create-key-user");
        type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> lookup("#nameField").tryQuery().isEmpty());

        String team = System.getProperty("keydesk.tour.teamStore");
        if (team != null) {
            teamStore(team.split(":"), admin, adminPassword);
        }
    }

    /**
     * The team store: "Open team store…" from the sign-in screen, the connection tested, the main
     * window on it, and (when the script says how) the banner while PostgreSQL is stopped.
     * {@code where} is HOST, PORT, DATABASE, USER.
     */
    private void teamStore(String[] where, String admin, String adminPassword) throws Exception {
        clickOn("#signOutButton");
        waitUntil(() -> lookup("#openTeamStoreLink").tryQuery().isPresent());
        clickOn("#openTeamStoreLink");
        waitUntil(() -> lookup("#hostField").tryQuery().isPresent());
        replace("#hostField", where[0]);
        replace("#portField", where[1]);
        replace("#databaseField", where[2]);
        replace("#userField", where[3]);
        clickOn("#tlsMode");
        clickOn((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().endsWith("(prefer)"));
        clickOn("#testConnectionButton");
        waitOnTheStore("the connection test's answer", () -> !lookup("#connectionResult").queryLabeled().getText().isEmpty());
        shotWithDialog("team-store-open");
        clickOn("#openStoreButton");
        waitOnTheStore("the team store's sign-in screen", () -> lookup("#usernameField").tryQuery().isPresent());
        clickOn("#usernameField").write(admin);
        clickOn("#passwordField").write(adminPassword);
        clickOn("#signInButton");
        waitOnTheStore("the team store's keys", () -> lookup("#keyTable").tryQuery().isPresent() && rows("#keyTable") > 0);
        shot("team-store-keys");

        String stop = System.getProperty("keydesk.tour.stopTeamStore");
        String start = System.getProperty("keydesk.tour.startTeamStore");
        if (stop != null && start != null) {
            run(stop);
            waitOnTheStore("the banner of a stopped store", () -> lookup("#storeTrouble").queryLabeled().getParent().isVisible());
            shot("team-store-unreachable");
            run(start);
            waitOnTheStore("the banner gone once the store is back",
                    () -> !lookup("#storeTrouble").queryLabeled().getParent().isVisible());
        }
    }

    /**
     * Waits on what a throwaway PostgreSQL and the real Argon2 take on a loaded machine: opening the
     * store (pool, migrations check), signing in, noticing the server stopped, then back (the change
     * feed retries up to 5 s apart). 20 s was once too short; a step that still times out says which.
     */
    private void waitOnTheStore(String what, BooleanSupplier condition) throws Exception {
        long started = System.nanoTime();
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Team store: no " + what + " after 90 s", e);
        }
        System.out.printf("team store: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
        waitUntil(() -> true);
    }

    /** Runs a command of the script's (pg_ctl stop or start); one that fails stops the tour, instead of a wait for nothing. */
    private static void run(String command) throws Exception {
        int status = new ProcessBuilder("sh", "-c", command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("Team store: '" + command + "' ended with " + status);
        }
    }

    private void replace(String query, String text) {
        clickOn(query);
        push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        write(text);
    }

    private int rows(String tableId) {
        return lookup(tableId).match(Node::isVisible).tryQueryAs(javafx.scene.control.TableView.class)
                .map(t -> t.getItems().size()).orElse(0);
    }

    private int visibleRows(String screenId) {
        return lookup(screenId + " #keyTable").tryQueryAs(javafx.scene.control.TableView.class)
                .map(t -> t.getItems().size()).orElse(0);
    }

    /**
     * Issue 17's feedback, with {@code -Dkeydesk.tour.feedback=true} (it changes the demo keys the
     * later pictures show): the new key selected with its confirmation, a bulk revoke listing its
     * keys, the count it confirms, the inactive keys, and a new key a search hides.
     */
    private void feedback() throws Exception {
        waitUntil(() -> !lookup(".keydesk-confirmation").queryAll().isEmpty());
        shotWithPopups("feedback-created");
        clickOn(keyRow("Frank sync"));
        press(javafx.scene.input.KeyCode.CONTROL);
        clickOn(keyRow("Frank mobile"));
        release(javafx.scene.input.KeyCode.CONTROL);
        clickOn("#revokeButton");
        waitUntil(() -> Window.getWindows().size() > 1);
        shotWithDialog("feedback-bulk-revoke");
        clickOn((Node n) -> n instanceof javafx.scene.control.Button b && "Revoke 2 keys".equals(b.getText()));
        waitUntil(() -> !lookup(".keydesk-confirmation").queryAll().isEmpty());
        shotWithPopups("feedback-bulk-revoked");
        screenOfX("feedback-bulk-revoked-x");
        clickOn("#inactiveButton");
        waitUntil(() -> rows("#inactiveTable") > 0);
        shotWithDialog("feedback-inactive");
        clickOn("#inactiveClose");
        clickOn("#keys-user_keys #searchField").write("Bob");
        clickOn("#keys-user_keys #newKeyButton");
        waitUntil(() -> lookup("#nameField").tryQuery().isPresent());
        clickOn("#nameField").write("Hidden by the search");
        clickOn("#ownerField").write("dave");
        clickOn("#createButton");
        waitUntil(() -> lookup("#secretField").tryQuery().isPresent());
        clickOn("#acknowledge");
        clickOn("#doneButton");
        waitUntil(() -> lookup("#keys-user_keys #hiddenNoticeBar").query().isVisible());
        shotWithPopups("feedback-hidden");
        clickOn("#keys-user_keys #showHiddenKey");
        waitUntil(() -> true);
        shot("feedback-shown");
    }

    private Node keyRow(String name) {
        return lookup((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && n.isVisible()
                && r.getItem() instanceof com.keydesk.ui.keys.KeyRow k && k.name().equals(name)).query();
    }

    /** The X screen as it is (ImageMagick's import), to compare with the pictures drawn from the scenes; skipped without it. */
    private void screenOfX(String name) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", out.resolve(name + ".png").toString())
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        p.waitFor();
    }

    /** The main window with the popups showing over it (a confirmation), each where it stands. */
    private void shotWithPopups(String name) throws Exception {
        moveTo(stage.getX() + 4, stage.getY() + stage.getHeight() - 4);
        BufferedImage main = image(stage.getScene());
        Graphics2D g = main.createGraphics();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof javafx.stage.PopupWindow popup && popup.isShowing() && popup.getScene() != null) {
                // the root with a transparent fill, shadow included: a scene snapshot fills the popup's see-through corners white
                javafx.scene.Parent root = popup.getScene().getRoot();
                javafx.scene.SnapshotParameters clear = new javafx.scene.SnapshotParameters();
                clear.setFill(javafx.scene.paint.Color.TRANSPARENT);
                WritableImage fx = WaitForAsyncUtils.asyncFx(() -> root.snapshot(clear, null)).get();
                javafx.geometry.Bounds bounds = root.getBoundsInParent();
                BufferedImage img = new BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        img.setRGB(x, y, fx.getPixelReader().getArgb(x, y));   // with alpha: the shadow falls on the window
                    }
                }
                g.drawImage(img, (int) (popup.getX() + bounds.getMinX() - stage.getX() - stage.getScene().getX()),
                        (int) (popup.getY() + bounds.getMinY() - stage.getY() - stage.getScene().getY()), null);
            }
        }
        g.dispose();
        write(name, main);
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // let a table or an animation settle before the picture
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        moveTo(stage.getX() + stage.getWidth() - 2, stage.getY() + stage.getHeight() - 2); // no hover highlight
        write(name, image(stage.getScene()));
    }

    /** The dialog showing now, drawn where it stands over the main window, which is dimmed as behind a modal. */
    private void shotWithDialog(String name) throws Exception {
        Stage dialog = (Stage) List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w.isShowing() && w instanceof Stage).reduce((a, b) -> b).orElseThrow();
        BufferedImage main = image(stage.getScene());
        BufferedImage front = image(dialog.getScene());
        Graphics2D g = main.createGraphics();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, main.getWidth(), main.getHeight());
        g.setComposite(AlphaComposite.SrcOver);
        int x = Math.max(0, (main.getWidth() - front.getWidth()) / 2);
        int y = Math.max(0, (main.getHeight() - front.getHeight()) / 2);
        g.setColor(new Color(0, 0, 0, 90));
        g.fillRect(x + 3, y + 5, front.getWidth(), front.getHeight());
        g.drawImage(front, x, y, null);
        g.dispose();
        write(name, main);
    }

    private static BufferedImage image(Scene scene) throws Exception {
        WritableImage fx = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return img;
    }

    private void write(String name, BufferedImage img) throws Exception {
        Path file = out.resolve(name + ".png");
        ImageIO.write(img, "png", file.toFile());
        System.out.println("wrote " + file);
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
