package com.keydesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The app's stylesheet is read as JavaFX reads it. A missing closing brace does not fail loudly:
 * JavaFX swallows the next rules into the open one and drops them, so whole features lose their
 * look (it once dropped every rule after the tooltip's, among them the confirmations' colours, and
 * ControlsFX then logged a ClassCastException at every pulse a notification showed).
 */
class StylesheetParsesTest {
    private static final String SHEET = "/com/keydesk/ui/keydesk.css";

    @Test
    void everyRuleWrittenInTheSheetIsARuleJavaFxKeeps() throws IOException {
        URL url = StylesheetParsesTest.class.getResource(SHEET);
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(url);
        List<String> errors = new ArrayList<>();
        CssParser.errorsProperty().forEach(e -> errors.add(e.toString()));

        assertTrue(errors.isEmpty(), () -> "JavaFX reports errors in " + SHEET + ": " + errors);
        assertEquals(blocksWritten(text), sheet.getRules().size(),
                "rules written in " + SHEET + " (one per { … } block) against rules JavaFX kept");
        assertTrue(selectors(sheet).stream().anyMatch(s -> s.contains("keydesk-confirmation")),
                "the confirmations' rule, written after the tooltip's, is kept");
    }

    /** Opening braces outside comments: the sheet has no nesting, so one per rule. */
    private static int blocksWritten(String text) {
        String code = text.replaceAll("(?s)/\\*.*?\\*/", "");
        int open = 0;
        int close = 0;
        for (char c : code.toCharArray()) {
            if (c == '{') {
                open++;
            } else if (c == '}') {
                close++;
            }
        }
        assertEquals(open, close, "every { in " + SHEET + " has its }");
        return open;
    }

    private static List<String> selectors(Stylesheet sheet) {
        List<String> all = new ArrayList<>();
        for (Rule rule : sheet.getRules()) {
            rule.getSelectors().forEach(s -> all.add(s.toString()));
        }
        return all;
    }
}
