package com.keydesk.bench;

import com.keydesk.ui.FxTaskRunner;
import com.keydesk.ui.keys.KeyRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The other app of {@code pg_change_seen_by_other_app_ms_p95}: the desktop app as shipped, signed
 * in to the team store and showing its site keys, hearing changes through its own ChangeFeed
 * (LISTEN keydesk_changes), catching its table up through ChangeService and patching the rows.
 * At the end of every layout pulse it prints {@code seen NAME} for each key named
 * {@code Bench change …} that its table holds for the first time; {@code ready} once the table is
 * loaded. Runs until it is stopped.
 * <p>
 * Arguments: STORE_URL USERNAME PASSWORD (the server trusts 127.0.0.1: no store password).
 */
public final class AppChangeWatcher {
    static final String PREFIX = "Bench change ";

    private AppChangeWatcher() {
    }

    public static void main(String[] args) {
        com.keydesk.app.QuietLogging.install();
        try {
            watch(args[0], args[1], args[2]);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);   // the JavaFX thread would keep the JVM alive
        }
    }

    private static void watch(String store, String user, String password) throws Exception {
        PrintStream out = System.out;
        Stage stage = UiScaleBench.startApp(store, new FxTaskRunner());
        UiScaleBench.onFx(() -> {
            ((TextField) UiScaleBench.lookup(stage, "#usernameField")).setText(user);
            ((PasswordField) UiScaleBench.lookup(stage, "#passwordField")).setText(password);
            ((Button) UiScaleBench.lookup(stage, "#signInButton")).fire();
        });
        UiScaleBench.waitFor(() -> UiScaleBench.lookup(stage, "#nav-SITE_KEYS") != null, 120);
        UiScaleBench.onFx(() -> ((ButtonBase) UiScaleBench.lookup(stage, "#nav-SITE_KEYS")).fire());
        // loaded: more than the first page, and no longer growing
        int[] last = {-1};
        long[] stableSince = {System.nanoTime()};
        UiScaleBench.waitFor(() -> {
            int size = rows(stage).size();
            if (size != last[0]) {
                last[0] = size;
                stableSince[0] = System.nanoTime();
            }
            return size > 200 && System.nanoTime() - stableSince[0] > 2_000_000_000L;
        }, 120);
        Set<String> reported = new HashSet<>();
        UiScaleBench.onFx(() -> stage.getScene().addPostLayoutPulseListener(() -> {
            boolean any = false;
            for (KeyRow row : rows(stage)) {
                if (row.name().startsWith(PREFIX) && reported.add(row.name())) {
                    out.println("seen " + row.name());
                    any = true;
                }
            }
            if (any) {
                out.flush();
            }
        }));
        out.println("ready");
        out.flush();
        Thread.currentThread().join();   // until the benchmark stops this process
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<KeyRow> rows(Stage stage) {
        Node table = UiScaleBench.lookup(stage, "#keyTable");
        return table == null ? java.util.List.of() : ((TableView<KeyRow>) table).getItems();
    }
}
