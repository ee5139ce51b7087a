package com.keydesk.bench;

import com.keydesk.app.Composition;
import com.keydesk.crypto.Argon2Params;
import com.keydesk.store.PgAddress;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.ui.FxTaskRunner;
import com.keydesk.ui.settings.UiPreferences;
import com.keydesk.ui.teamstore.RecentStores;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The desktop app on a large store, as shipped (real Argon2 cost, background task runner):
 * <ul>
 *   <li>first rows: from pressing Sign in to the end of the first pulse that shows table rows;</li>
 *   <li>filter: from each key event in the search field to the end of the pulse that draws the rows
 *   for the new text (no debouncing; a paged table's rows come from the store);</li>
 *   <li>peak resident memory of this process (VmHWM).</li>
 * </ul>
 * Usage: scripts/bench-ui.sh (fills a store with demo-data and runs this under Xvfb).
 * Arguments: STORE USERNAME PASSWORD [USER_KEYS_EXPECTED], STORE a local store's folder or a team
 * store's URL ({@code postgresql://…}). Prints one JSON object; the
 * first round of keystrokes warms the JIT and is not counted.
 */
public final class UiScaleBench {
    static final String TYPED = "sync job 42";
    private static final long TYPING_MS = 3_000;

    public static void main(String[] args) {
        com.keydesk.app.Main.prepareDesktopProcess();   // as bin/keydesk does for the desktop
        com.keydesk.app.QuietLogging.install();
        try {
            measure(args);
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);   // the JavaFX thread would keep the JVM alive
        }
    }

    private static void measure(String[] args) throws Exception {
        String user = args[1];
        String password = args[2];
        FxTaskRunner tasks = new FxTaskRunner();
        Stage[] stage = {startApp(args[0], tasks)};
        // A person needs a few seconds to type their name and password; the app uses them to warm up.
        Thread.sleep(TYPING_MS);

        long[] firstRows = new long[1];
        long signInPressed = onFxValue(() -> {
            ((TextField) lookup(stage[0], "#usernameField")).setText(user);
            ((PasswordField) lookup(stage[0], "#passwordField")).setText(password);
            long t = System.nanoTime();
            ((Button) lookup(stage[0], "#signInButton")).fire();
            return t;
        });
        Scene scene = stage[0].getScene();
        long[] mainShown = new long[1];
        Runnable watchRows = () -> {
            if (mainShown[0] == 0 && lookup(stage[0], "#navigation") != null) {
                mainShown[0] = System.nanoTime();
            }
            if (firstRows[0] == 0 && visibleRows(stage[0]) > 0) {
                firstRows[0] = System.nanoTime();
            }
        };
        onFx(() -> stage[0].getScene().addPostLayoutPulseListener(watchRows));
        waitFor(() -> firstRows[0] != 0, 120);
        double firstRowsMs = (firstRows[0] - signInPressed) / 1e6;
        double mainShownMs = (mainShown[0] - signInPressed) / 1e6;

        // Filtering is measured on the larger table, user keys (about 90% of the demo keys), once
        // the whole list is in (the first page shows before it).
        onFx(() -> ((ButtonBase) lookup(stage[0], "#nav-USER_KEYS")).fire());
        int expected = Integer.parseInt(args.length > 3 ? args[3] : "0");
        waitFor(() -> tableSize(stage[0]) >= expected && tableSize(stage[0]) > 200, 120);
        Keystrokes typed = typeRounds(stage[0]);
        List<Double> keystrokes = sorted(typed.rows());
        List<Double> counts = sorted(typed.counts());
        double p95 = keystrokes.get((int) Math.ceil(keystrokes.size() * 0.95) - 1);
        double median = keystrokes.get(keystrokes.size() / 2);
        int rows = onFxValue(() -> tableSize(stage[0]));
        System.out.printf(Locale.ROOT, "{\"user_key_rows\": %d, \"main_window_ms\": %.1f, \"first_rows_ms\": %.1f, \"filter_keystroke_median_ms\": %.2f, "
                + "\"filter_keystroke_p95_ms\": %.2f, \"filter_count_median_ms\": %.2f, \"keystrokes\": %d, \"peak_rss_mb\": %.1f, "
                + "\"filter_keystrokes_ms\": %s}%n",
                rows, mainShownMs, firstRowsMs, median, p95, counts.get(counts.size() / 2), keystrokes.size(), peakRssMb(),
                keystrokes.stream().map(ms -> String.format(Locale.ROOT, "%.2f", ms)).toList());
        Thread.sleep(Long.getLong("bench.holdMs", 0));   // time to look at the process (jcmd, smaps) by hand
        tasks.close();
    }

    /**
     * Starts the desktop app as shipped (real Argon2id cost, background task runner) on {@code store}:
     * a local store folder, or a team store's libpq URL (the server must trust 127.0.0.1: no password).
     * Returns its window once the sign-in screen shows.
     */
    static Stage startApp(String store, FxTaskRunner tasks) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path scratch = Files.createTempDirectory("keydesk-bench-app");
        // the recent-stores file and a team store's local folder: gone when the bench exits, as main's System.exit runs hooks
        Runtime.getRuntime().addShutdownHook(new Thread(() -> com.keydesk.testing.Folders.deleteTree(scratch)));
        StoreAddress address = PgAddress.looksLikeUrl(store)
                ? new TeamStore(PgAddress.parse(store, "postgres"), null) : new StoreAddress.Local(Path.of(store));
        Path localFolder = address instanceof StoreAddress.Local local ? local.folder() : scratch.resolve("local");
        Stage stage = onFxValue(() -> {
            Stage window = new Stage();
            new Composition(window, address, localFolder, Argon2Params.SHIPPED, Clock.systemUTC(), tasks,
                    UiPreferences.inMemory(), Platform::exit, new RecentStores(scratch.resolve("recent.json"))).start();
            return window;
        });
        waitFor(() -> lookup(stage, "#signInButton") != null, 60);
        return stage;
    }

    /** Each keystroke's time from the key until its rows are drawn, and until the exact count is shown. */
    record Keystrokes(List<Double> rows, List<Double> counts) {
    }

    /**
     * {@link #TYPED} typed into the search field and erased again, six rounds; the times of every
     * round but the first (it warms the JIT). A keystroke's rows are drawn by the pulse that ends
     * its time: an in-memory table replaces its rows while the key is handled, a paged one (more
     * keys than {@code keydesk.table.pagedAbove}) when its page arrives from the store. Its exact
     * count follows, and the next key waits for it; a person sees the rows first, so the count's
     * time is kept apart. {@code -Dbench.keystrokes=true} prints each one on stderr.
     */
    static Keystrokes typeRounds(Stage stage) throws Exception {
        List<Double> rows = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 2 * TYPED.length(); i++) {
                boolean backspace = i >= TYPED.length();
                Typed typed = type(stage, backspace ? '\b' : TYPED.charAt(i), backspace);
                waitForCount(stage);
                double rowsMs = (typed.rowsShown() - typed.sent()) / 1e6;
                double countMs = (System.nanoTime() - typed.sent()) / 1e6;
                if (Boolean.getBoolean("bench.keystrokes")) {
                    String text = onFxValue(() -> ((TextField) lookup(stage, "#searchField")).getText());
                    System.err.printf(Locale.ROOT, "keystroke '%s': rows %.1f ms, count %.1f ms%n", text, rowsMs, countMs);
                }
                if (round > 0) {
                    rows.add(rowsMs);
                    counts.add(countMs);
                }
            }
        }
        return new Keystrokes(rows, counts);
    }

    private static List<Double> sorted(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted;
    }

    /** When a key was sent and when the pulse that drew the rows for it ended ({@link System#nanoTime}). */
    record Typed(long sent, long rowsShown) {
    }

    /** One key into the search field, and the end of the pulse that draws the rows for the new text. */
    @SuppressWarnings("unchecked")
    static Typed type(Stage stage, char c, boolean backspace) throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        long sent = onFxValue(() -> {
            TextField search = (TextField) lookup(stage, "#searchField");
            search.requestFocus();
            Scene scene = stage.getScene();
            TableView<Object> table = (TableView<Object>) lookup(stage, "#keyTable");
            ListChangeListener<Object>[] listener = new ListChangeListener[1];
            listener[0] = change -> {
                boolean replaced = false;
                while (change.next()) {
                    replaced |= !change.wasUpdated();
                }
                if (replaced) {
                    table.getItems().removeListener(listener[0]);
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene.removePostLayoutPulseListener(once[0]);
                        shown.complete(System.nanoTime());
                    };
                    scene.addPostLayoutPulseListener(once[0]);
                    Platform.requestNextPulse();
                }
            };
            table.getItems().addListener(listener[0]);
            long t = System.nanoTime();
            if (backspace) {
                Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.BACK_SPACE, false, false, false, false));
            } else {
                Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false));
            }
            return t;
        });
        return new Typed(sent, shown.get(60, TimeUnit.SECONDS));
    }

    /** Until a paged table's exact count is shown ("Counting the keys…" gone); at once for an in-memory one. */
    static void waitForCount(Stage stage) throws Exception {
        waitFor(() -> !(lookup(stage, "#keyCount") instanceof Label count && count.getText().startsWith("Counting")), 60);
    }

    private static int tableSize(Stage stage) {
        Node table = lookup(stage, "#keyTable");
        return table == null ? 0 : ((TableView<?>) table).getItems().size();
    }

    private static int visibleRows(Stage stage) {
        Node table = lookup(stage, "#keyTable");
        return table == null ? 0 : (int) table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> row && row.getItem() != null).count();
    }

    static Node lookup(Stage stage, String selector) {
        return stage.getScene() == null ? null : stage.getScene().lookup(selector);
    }

    /** This process's peak resident memory (VmHWM), in MB; -1 where /proc does not say. */
    static double peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }

    static void onFx(Runnable work) throws Exception {
        onFxValue(() -> {
            work.run();
            return null;
        });
    }

    static <T> T onFxValue(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFxValue(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(5);
        }
    }
}
