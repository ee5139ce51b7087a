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
        LOG.fine(() -> "Confirmed: " + sentence);
    }
}
