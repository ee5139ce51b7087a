package com.keydesk.ui.robot;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WCAG 2.x contrast of what a window really shows: the colours JavaFX resolved from the theme's CSS
 * for each node (text fill, icon colour, background fills, border strokes), composited over the
 * backgrounds of the node's ancestors and the scene's fill, the way they are painted.
 */
final class Contrast {
    /** Text: 4.5:1, large text 3:1 (WCAG 1.4.3); icons and the edges of controls 3:1 (WCAG 1.4.11). */
    static final double TEXT = 4.5;
    static final double LARGE_TEXT = 3.0;
    static final double GRAPHIC = 3.0;

    /** Controls whose edge is what tells a person there is a control there. */
    private static final Set<String> BOUNDED = Set.of("text-field", "text-area", "password-field", "combo-box-base",
            "spinner", "box", "radio", "thumb-area");

    record Finding(String what, double ratio, double required) {
        boolean fails() {
            return ratio + 1e-9 < required;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.2f:1 (needs %.1f:1)", what, ratio, required);
        }
    }

    private Contrast() {
    }

    /** Every visible, enabled text, icon and bounded control under the scene's root. */
    static List<Finding> measure(Scene scene) {
        List<Finding> found = new ArrayList<>();
        walk(scene.getRoot(), scene, found);
        return found;
    }

    private static void walk(Node node, Scene scene, List<Finding> found) {
        if (!node.isVisible() || node.isDisabled() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Text text) {
            text(text, scene, found);
        } else if (node instanceof Region region && isBounded(region)) {
            edge(region, scene, found);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, found);
            }
        }
    }

    private static boolean isBounded(Region region) {
        Node parent = region.getParent();
        boolean inner = parent != null && (parent.getStyleClass().contains("spinner")
                || parent.getStyleClass().contains("combo-box-base"));   // the outer control's edge counts
        return !inner && region.getStyleClass().stream().anyMatch(BOUNDED::contains);
    }

    private static void text(Text text, Scene scene, List<Finding> found) {
        if (!(text.getFill() instanceof Color fill) || fill.getOpacity() == 0
                || (!(text instanceof FontIcon) && (text.getText() == null || text.getText().isBlank()))) {
            return;
        }
        Color behind = behind(text.getParent(), scene);
        Color shown = over(withOpacity(fill, opacity(text)), behind);
        double ratio = ratio(shown, behind);
        double required = text instanceof FontIcon ? GRAPHIC : isLarge(text) ? LARGE_TEXT : TEXT;
        found.add(new Finding(describe(text), ratio, required));
    }

    /** The edge (outer background fill or border) or the fill of a control against what is behind it. */
    private static void edge(Region region, Scene scene, List<Finding> found) {
        Color behind = behind(region.getParent(), scene);
        double best = 0;
        List<Paint> paints = new ArrayList<>();
        if (region.getBackground() != null) {
            region.getBackground().getFills().forEach(f -> paints.add(f.getFill()));
        }
        if (region.getBorder() != null) {
            for (BorderStroke stroke : region.getBorder().getStrokes()) {
                paints.add(stroke.getTopStroke());
            }
        }
        for (Paint paint : paints) {
            if (paint instanceof Color c) {
                best = Math.max(best, ratio(over(withOpacity(c, opacity(region)), behind), behind));
            }
        }
        found.add(new Finding(describe(region), best, GRAPHIC));
    }

    /** The colour painted behind a node: the scene's fill, then every ancestor's fills, outermost first. */
    static Color behind(Node nearest, Scene scene) {
        List<Region> chain = new ArrayList<>();
        for (Node n = nearest; n != null; n = n.getParent()) {
            if (n instanceof Region r) {
                chain.addFirst(r);
            }
        }
        Color colour = scene.getFill() instanceof Color c && c.getOpacity() > 0 ? opaque(c) : Color.WHITE;
        for (Region region : chain) {
            Background background = region.getBackground();
            if (background == null) {
                continue;
            }
            double opacity = opacity(region);
            for (BackgroundFill fill : background.getFills()) {
                if (fill.getFill() instanceof Color c) {
                    colour = over(withOpacity(c, opacity), colour);
                }
            }
        }
        return colour;
    }

    /** The opacity a node is painted with: its own times every ancestor's. */
    static double opacity(Node node) {
        double opacity = 1;
        for (Node n = node; n != null; n = n.getParent()) {
            opacity *= n.getOpacity();
        }
        return opacity;
    }

    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + bottom.getRed() * (1 - a), top.getGreen() * a + bottom.getGreen() * (1 - a),
                top.getBlue() * a + bottom.getBlue() * (1 - a));
    }

    private static Color withOpacity(Color c, double opacity) {
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity);
    }

    private static Color opaque(Color c) {
        return Color.color(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** At least 24 px, or bold and at least 18.66 px (18 pt, 14 pt bold). */
    private static boolean isLarge(Text text) {
        double size = text.getFont().getSize();
        String style = text.getFont().getStyle().toLowerCase(Locale.ROOT);
        boolean bold = style.contains("bold") || FontWeight.findByName(style) == FontWeight.BOLD;
        return size >= 24 || (bold && size >= 18.66);
    }

    private static String describe(Node node) {
        String text = node instanceof FontIcon icon ? "icon " + icon.getIconLiteral()
                : node instanceof Text t ? "\"" + abbreviate(t.getText()) + "\"" : String.join(".", node.getStyleClass());
        Node owner = node;
        while (owner != null && owner.getId() == null) {
            owner = owner.getParent();
        }
        return text + " in " + (owner == null ? "?" : "#" + owner.getId());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
