package com.keydesk.bench;

import com.keydesk.ui.FxTaskRunner;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the desktop's heap must hold at its worst, to size {@code -Xmx} (packaging/common/jvm-options.txt):
 * the app as shipped signs in, then opens the user keys, the site keys, the users and the audit log
 * in turn, each once its table has stopped growing. The main window keeps every screen it has
 * built, so each figure is the heap in use after a full collection with that screen and every one
 * before it loaded: the last is the worst a person reaches by visiting them all.
 * Arguments: STORE USERNAME PASSWORD. Prints one JSON object. Run under Xvfb with the launcher's
 * options; a smaller {@code -Xmx} after them shows whether the screens still open within it (an
 * out-of-memory error in a load shows as a time-out here). {@code -Dbench.holdMs=N} keeps the app open N ms
 * after the figures, to look in with {@code jcmd}.
 */
public final class ViewsHeapBench {
    /** Section button, and the table whose rows say the screen has loaded. */
    private static final Map<String, String> SCREENS = screens();

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
        FxTaskRunner tasks = new FxTaskRunner();
        Stage stage = UiScaleBench.startApp(args[0], tasks);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("heap_after_gc_mb_before_sign_in", mb(liveHeap()));
        UiScaleBench.onFx(() -> {
            ((TextField) UiScaleBench.lookup(stage, "#usernameField")).setText(args[1]);
            ((PasswordField) UiScaleBench.lookup(stage, "#passwordField")).setText(args[2]);
            ((Button) UiScaleBench.lookup(stage, "#signInButton")).fire();
        });
        UiScaleBench.waitFor(() -> UiScaleBench.lookup(stage, "#nav-USER_KEYS") != null, 120);
        for (Map.Entry<String, String> screen : SCREENS.entrySet()) {
            String name = screen.getKey().substring("#nav-".length()).toLowerCase(Locale.ROOT);
            UiScaleBench.onFx(() -> ((ButtonBase) UiScaleBench.lookup(stage, screen.getKey())).fire());
            int rows = loaded(stage, screen.getValue());
            figures.put(name + "_rows", Integer.toString(rows));
            figures.put("heap_after_gc_mb_with_" + name, mb(liveHeap()));
        }
        figures.put("max_heap_mb", mb(Runtime.getRuntime().maxMemory()));
        figures.put("peak_rss_mb", String.format(Locale.ROOT, "%.1f", UiScaleBench.peakRssMb()));
        StringJoiner json = new StringJoiner(", ", "{", "}");
        figures.forEach((k, v) -> json.add("\"" + k + "\": " + v));
        System.out.println(json);
        System.out.flush();
        Thread.sleep(Long.getLong("bench.holdMs", 0));   // time to look in from outside (jcmd GC.class_histogram)
        tasks.close();
    }

    /** Waits until the table has rows and their number has held for two seconds; returns it. */
    private static int loaded(Stage stage, String table) throws Exception {
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        UiScaleBench.waitFor(() -> {
            int size = rows(stage, table);
            if (size != last[0]) {
                last[0] = size;
                since[0] = System.nanoTime();
                return false;
            }
            return size > 0 && System.nanoTime() - since[0] > 2_000_000_000L;
        }, 180);
        return last[0];
    }

    private static int rows(Stage stage, String table) {
        return UiScaleBench.lookup(stage, table) instanceof TableView<?> view ? view.getItems().size() : 0;
    }

    private static long liveHeap() throws InterruptedException {
        System.gc();   // a full collection with the serial collector
        Thread.sleep(300);
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static Map<String, String> screens() {
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("#nav-USER_KEYS", "#keyTable");
        screens.put("#nav-SITE_KEYS", "#keyTable");
        screens.put("#nav-USERS", "#userTable");
        screens.put("#nav-AUDIT", "#auditTable");
        return screens;
    }
}
