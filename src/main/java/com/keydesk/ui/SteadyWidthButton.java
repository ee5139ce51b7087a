package com.keydesk.ui;

import javafx.scene.control.Button;
import javafx.scene.text.Text;

import java.util.List;

/**
 * A button whose text changes ("Copy", then "Copied") but whose width does not: it is always as
 * wide as its widest text, so nothing beside it moves when it changes. Measured with the
 * button's own font, so it holds for any language, theme or font size.
 */
public final class SteadyWidthButton extends Button {
    private final List<String> texts;
    private final Text measure = new Text();

    /** {@code texts}: every text the button will show. */
    public SteadyWidthButton(List<String> texts) {
        this.texts = List.copyOf(texts);
        setMinWidth(USE_PREF_SIZE);
        fontProperty().addListener((o, was, now) -> requestLayout());
    }

    @Override
    protected double computePrefWidth(double height) {
        double shown = width(getText());
        double widest = shown;
        for (String text : texts) {
            widest = Math.max(widest, width(text));
        }
        return Math.ceil(super.computePrefWidth(height) + widest - shown);
    }

    private double width(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        measure.setFont(getFont());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
