package com.keydesk.ui;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Confirmations as ControlsFX notifications in the main window's lower right corner, gone after a
 * few seconds. ControlsFX draws them light; in the dark theme its dark style is asked for, and
 * keydesk.css gives both AtlantaFX's colours and font.
 */
public final class FxConfirmations implements Confirmations {
    private static final Logger LOG = Logger.getLogger(FxConfirmations.class.getName());
    static final Duration SHOWN_FOR = Duration.seconds(4);
    /** ControlsFX's gap between a notification and the window's edge: a long one lines up with the rest. */
    private static final double NOTIFICATION_MARGIN = 15;
    private final Supplier<Window> owner;
    private final BooleanSupplier dark;

    public FxConfirmations(Supplier<Window> owner, BooleanSupplier dark) {
        this.owner = owner;
        this.dark = dark;
    }

    @Override
    public void show(String sentence) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;   // nothing to show it over (the window is closing): the change itself stands
        }
        FontIcon tick = new FontIcon("mdi2c-check-circle-outline");
        tick.getStyleClass().add("confirmation-icon");
        Notifications note = Notifications.create()
                .text(sentence)
                .graphic(tick)
                .owner(window)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .styleClass("keydesk-confirmation");
        if (dark.getAsBoolean()) {
            note = note.darkStyle();
        }
        note.show();
        keepInside(window, tick);
        LOG.fine(() -> "Confirmed: " + sentence);
    }

    /**
     * ControlsFX places a long notification ("“Nightly export of the usage reports…” created") with
     * its right part past the window's right edge, and on a 1024-wide screen past the screen's,
     * where it is cut off. Each time its width or place changes it is moved left again, as far as
     * it is over, to line up with the others.
     */
    private static void keepInside(Window owner, javafx.scene.Node inside) {
        if (inside.getScene() == null) {
            return;
        }
        if (!(inside.getScene().getWindow() instanceof javafx.stage.PopupWindow popup)) {
            return;
        }
        Runnable fit = () -> {
            double over = popup.getX() + popup.getWidth() - (owner.getX() + owner.getWidth() - NOTIFICATION_MARGIN);
            if (over > 0.5) {
                popup.setAnchorX(popup.getAnchorX() - over);
            }
        };
        // ControlsFX sets the position after showing: the position is watched as well as the width
        popup.widthProperty().addListener((o, was, now) -> fit.run());
        popup.xProperty().addListener((o, was, now) -> fit.run());
        fit.run();
    }
}
