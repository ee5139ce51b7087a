package com.keydesk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Confirmations as ControlsFX notifications in the main window's lower right corner, gone after a
 * few seconds. ControlsFX draws them light; in the dark theme its dark style is asked for, and
 * keydesk.css gives both AtlantaFX's colours and font.
 *
 * <p>When one comes while others still show, ControlsFX moves the others up and also gives each
 * of them the newcomer's left edge (Notifications 11.2, doAnimation): a long one ("“Nightly export
 * of the usage reports…” created") followed by a short one ran past the window's right edge, and
 * on a 1024-wide screen was cut off. Each keeps the left edge ControlsFX first gave it, from its
 * own width, so all end at the same right edge.
 */
public final class FxConfirmations implements Confirmations {
    private static final Logger LOG = Logger.getLogger(FxConfirmations.class.getName());
    static final Duration SHOWN_FOR = Duration.seconds(4);
    private final Supplier<Window> owner;
    private final BooleanSupplier dark;
    /** The confirmations shown and not yet found hidden, each with its own left edge. */
    private final Map<PopupWindow, Double> leftEdges = new LinkedHashMap<>();

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
        keepOwnLeftEdges(tick);
        LOG.fine(() -> "Confirmed: " + sentence);
    }

    /** Run right after ControlsFX has shown the newest one and moved the others (all at once). */
    private void keepOwnLeftEdges(Node newest) {
        leftEdges.keySet().removeIf(popup -> !popup.isShowing());
        leftEdges.forEach(PopupWindow::setAnchorX);
        if (newest.getScene() != null && newest.getScene().getWindow() instanceof PopupWindow popup) {
            leftEdges.put(popup, popup.getAnchorX());
        }
    }
}
