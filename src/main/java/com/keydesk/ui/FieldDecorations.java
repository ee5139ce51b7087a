package com.keydesk.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Collection;
import java.util.List;

/**
 * ControlsFX validation marks on one form. Each field follows the sentence its ViewModel computed
 * with the service's own rules: while there is one, the field has AtlantaFX's danger outline and a
 * mark in its corner whose tooltip is the sentence; when it is gone, so are they. The view names
 * which sentence belongs to which field (by object, never by a string), holds no rule, and the
 * sentence stays written beside the field as well (the mark alone is too small to read).
 * <p>
 * ControlsFX's own marks are bitmaps with hard-coded colours and a drop-shadowed tooltip that look
 * foreign on AtlantaFX (and wrong in its dark theme); the mark here is an icon in the theme's
 * danger colour with the theme's tooltip.
 */
public final class FieldDecorations {
    private static final PseudoClass DANGER = Styles.STATE_DANGER;
    private final ValidationSupport support = new ValidationSupport();

    public FieldDecorations() {
        support.setValidationDecorator(new ThemedDecoration());
    }

    /** Marks {@code field} whenever {@code sentence} is not empty; returns the field. */
    public <C extends Control> C watch(C field, ObservableStringValue sentence) {
        support.registerValidator(field, false, (Control c, Object value) -> {
            String now = sentence.get();
            return ValidationResult.fromErrorIf(c, now, now != null && !now.isEmpty());
        });
        sentence.addListener((o, was, now) -> support.revalidate(field));
        field.getProperties().put(FieldDecorations.class, this);
        field.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> prepareDecorationPane(field));
            }
        });
        if (field.getScene() != null) {
            prepareDecorationPane(field);
        }
        return field;
    }

    /**
     * ControlsFX puts the marks in a pane it makes the scene's root, wrapping the form; that pane
     * paints no background, so the scene's white fill showed through the dark theme. It gets the
     * theme's background (looked up at the root, so right in light and dark).
     */
    private static void paintDecoratedRoot(javafx.scene.Scene scene) {
        if (scene.getRoot() instanceof impl.org.controlsfx.skin.DecorationPane pane) {
            pane.setStyle("-fx-background-color: -color-bg-default;");
        }
    }

    /**
     * ControlsFX swaps the scene's root for its decoration pane at the first mark, and the swap
     * takes the keyboard focus away: the rest of what the person was typing went nowhere. So the
     * pane goes in as soon as the form is on screen, before anything is typed, and whatever had
     * the focus gets it back.
     */
    private static void prepareDecorationPane(Control field) {
        javafx.scene.Scene scene = field.getScene();
        if (scene == null) {
            return;
        }
        if (!(scene.getRoot() instanceof impl.org.controlsfx.skin.DecorationPane)) {
            Node focused = scene.getFocusOwner();
            Decoration probe = new GraphicDecoration(new javafx.scene.layout.Region());
            org.controlsfx.control.decoration.Decorator.addDecoration(field, probe);
            org.controlsfx.control.decoration.Decorator.removeDecoration(field, probe);
            if (focused != null) {
                focused.requestFocus();
            }
        }
        paintDecoratedRoot(scene);
    }

    /** The sentence the mark on {@code field} carries, or "" when it has none (tests). */
    public static String shownOn(Control field) {
        return field.getProperties().get(FieldDecorations.class) instanceof FieldDecorations marks
                ? marks.support.getHighestMessage(field).map(ValidationMessage::getText).orElse("") : "";
    }

    /** True while {@code field} wears the mark and the danger outline (tests). */
    public static boolean isMarked(Control field) {
        return field.getPseudoClassStates().contains(DANGER)
                && !org.controlsfx.control.decoration.Decorator.getDecorations(field).isEmpty();
    }

    private static final class ThemedDecoration extends GraphicValidationDecoration {
        @Override
        protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
            FontIcon mark = new FontIcon();
            mark.getStyleClass().add("field-error-mark");
            // the colour first: FontIcon keeps its font family in the inline style it is given
            // (a style set after the icon would drop it, and the mark would show as an empty box);
            // looked up from the theme's root, so red on light and on dark
            mark.setStyle("-fx-icon-color: -color-danger-fg;");
            mark.setIconLiteral("mdi2a-alert-circle");
            mark.setIconSize(15);
            Tooltip tip = new Tooltip(message.getText());
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            Tooltip.install(mark, tip);
            Node target = message.getTarget();
            target.pseudoClassStateChanged(DANGER, true);
            // inside the field at its right end; left of the arrow of a combo box or date picker
            double inset = target instanceof javafx.scene.control.TextInputControl ? -16 : -44;
            return List.of(new GraphicDecoration(mark, Pos.CENTER_RIGHT, inset, 0));
        }

        @Override
        public void removeDecorations(Control target) {
            super.removeDecorations(target);
            target.pseudoClassStateChanged(DANGER, false);
        }
    }
}
