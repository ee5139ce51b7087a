package com.keydesk.bench;

import com.keydesk.ui.FxTaskRunner;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The desktop app on a store with more keys than a table holds (read a page at a time), as
 * shipped: the user-keys table opened, then "sync job 42" typed and erased 6 times (the first
 * round not counted). A keystroke is timed from the key event to the end of the pulse after the
 * table shows the rows read for the new text (not the next pulse: the rows come from another
 * thread); the exact count that follows is timed too. Then the middle and the end of the table
 * scrolled to, and the heap in use after a full collection, and peak resident memory (VmHWM).
 * Arguments: STORE USERNAME PASSWORD. Prints one JSON object. Run under Xvfb.
 */
public final class PagedTableBench {
    public static void main(String[] args) {
        com.keydesk.app.Main.prepareDesktopProcess();   // as bin/keydesk does for the desktop
        com.keydesk.app.QuietLogging.install();
        try {
            measure(args);
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void measure(String[] args) throws Exception {
        FxTaskRunner tasks = new FxTaskRunner();
        Stage stage = UiScaleBench.startApp(args[0], tasks);
        UiScaleBench.onFx(() -> {
            ((TextField) UiScaleBench.lookup(stage, "#usernameField")).setText(args[1]);
            ((PasswordField) UiScaleBench.lookup(stage, "#passwordField")).setText(args[2]);
            ((Button) UiScaleBench.lookup(stage, "#signInButton")).fire();
        });
        UiScaleBench.waitFor(() -> UiScaleBench.lookup(stage, "#nav-USER_KEYS") != null, 120);
        long opened = System.nanoTime();
        UiScaleBench.onFx(() -> ((ButtonBase) UiScaleBench.lookup(stage, "#nav-USER_KEYS")).fire());
        UiScaleBench.waitFor(() -> firstRowName(stage) != null, 120);
        double openMs = (System.nanoTime() - opened) / 1e6;
        UiScaleBench.waitFor(() -> !countText(stage).startsWith("Counting"), 120);
        double openCountMs = (System.nanoTime() - opened) / 1e6;
        String total = countText(stage);

        UiScaleBench.Keystrokes typed = UiScaleBench.typeRounds(stage);
        List<Double> rows = typed.rows();
        List<Double> counts = typed.counts();
        double middleMs = scroll(stage, 0.5);
        double endMs = scroll(stage, 1.0);
        System.gc();
        Thread.sleep(500);
        System.gc();
        double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        System.out.printf(Locale.ROOT, "{\"table\": \"%s\", \"open_first_rows_ms\": %.1f, \"open_count_ms\": %.1f, "
                        + "\"keystroke_rows_median_ms\": %.1f, \"keystroke_rows_p95_ms\": %.1f, "
                        + "\"keystroke_count_median_ms\": %.1f, \"keystroke_count_p95_ms\": %.1f, \"keystrokes\": %d, "
                        + "\"scroll_middle_ms\": %.1f, \"scroll_end_ms\": %.1f, \"heap_used_after_gc_mb\": %.1f, "
                        + "\"max_heap_mb\": %.0f, \"peak_rss_mb\": %.1f}%n",
                total, openMs, openCountMs, percentile(rows, 0.5), percentile(rows, 0.95), percentile(counts, 0.5),
                percentile(counts, 0.95), rows.size(), middleMs, endMs, heapMb,
                Runtime.getRuntime().maxMemory() / 1048576.0, UiScaleBench.peakRssMb());
        tasks.close();
    }

    /** Scrolls to a fraction of the table; the time until the rows there are drawn. */
    @SuppressWarnings("unchecked")
    private static double scroll(Stage stage, double where) throws Exception {
        int[] index = new int[1];
        long start = UiScaleBench.onFxValue(() -> {
            TableView<Object> table = (TableView<Object>) UiScaleBench.lookup(stage, "#keyTable");
            index[0] = (int) Math.min(table.getItems().size() - 1, Math.round(table.getItems().size() * where));
            long t = System.nanoTime();
            table.scrollTo(index[0]);
            return t;
        });
        UiScaleBench.waitFor(() -> {
            TableView<?> table = (TableView<?>) UiScaleBench.lookup(stage, "#keyTable");
            return table.lookupAll(".table-row-cell").stream().anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r
                    && r.getIndex() == index[0] && r.getItem() instanceof com.keydesk.ui.keys.KeyRow k && !k.name().isEmpty());
        }, 60);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String firstRowName(Stage stage) {
        TableView<?> table = (TableView<?>) UiScaleBench.lookup(stage, "#keyTable");
        if (table == null || table.getItems().isEmpty()) {
            return null;
        }
        Object first = table.getItems().getFirst();
        return first instanceof com.keydesk.ui.keys.KeyRow k && !k.name().isEmpty() ? k.name() : null;
    }

    private static String countText(Stage stage) {
        return ((Label) UiScaleBench.lookup(stage, "#keyCount")).getText();
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * p) - 1);
    }
}
