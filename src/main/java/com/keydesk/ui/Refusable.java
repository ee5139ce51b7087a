package com.keydesk.ui;

import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A button the services may refuse, shown with the service's sentence why while it is refused:
 * as a tooltip on a holder around it (a disabled control receives no mouse events, so it could not
 * show its own) and as the button's accessible help. The caller binds the button's disabled state.
 */
public final class Refusable {
    private Refusable() {
    }

    /** The holder to put where the button would go; it follows the button's visible and managed state. */
    public static Node explained(Button button, StringBinding reason) {
        StackPane holder = new StackPane(button);
        holder.setId(button.getId() + "Holder");
        holder.visibleProperty().bind(button.visibleProperty());
        holder.managedProperty().bind(button.managedProperty());
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(360);
        why.textProperty().bind(reason);
        button.accessibleHelpProperty().bind(reason);
        reason.addListener((o, was, now) -> showWhen(holder, why, now));
        showWhen(holder, why, reason.get());
        return holder;
    }

    private static void showWhen(Node holder, Tooltip why, String reason) {
        if (reason == null || reason.isEmpty()) {
            Tooltip.uninstall(holder, why);
        } else {
            Tooltip.install(holder, why);
        }
    }
}
