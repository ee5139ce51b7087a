package com.keydesk.cli;

import com.keydesk.format.Csv;
import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV cells a spreadsheet cannot turn into formulas, whether it splits on commas or semicolons. */
class CsvTest {
    private static final String FORMULA_START = "=+-@\t\r";

    @TempDir
    Path temp;

    @Test
    void aCellHoldingASemicolonIsQuotedAndNoPartOfItCanStartAFormula() {
        assertThat(Csv.cell("Backup;=2+5;@SUM(A1)")).isEqualTo("\"Backup;'=2+5;'@SUM(A1)\"");
        assertThat(split(Csv.cell("Backup;=2+5;@SUM(A1)"), ';')).containsExactly(List.of("Backup;'=2+5;'@SUM(A1)"));
        // as the second cell of a comma-separated row that a spreadsheet splits on semicolons
        assertThat(split("1," + Csv.cell("Backup;=2+5;@SUM(A1)") + "\r\n", ';').getFirst())
                .containsExactly("1,\"Backup", "'=2+5", "'@SUM(A1)\"");
    }

    @Test
    void formulaCharactersAfterALineBreakOrSeparatorInsideAValueAreNeutralisedToo() {
        assertThat(Csv.cell("one\n=two")).isEqualTo("\"one\n'=two\"");
        assertThat(Csv.cell("a,+1")).isEqualTo("\"a,'+1\"");
        assertThat(Csv.cell("a - b = c")).isEqualTo("a - b = c");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(Csv.cell("one\rtwo")).isEqualTo("\"one\rtwo\"");
        assertThat(Csv.cell("one\ttwo")).isEqualTo("\"one\ttwo\"");
        assertThat(Csv.cell("Nightly backup")).isEqualTo("Nightly backup");
        assertThat(Csv.cell("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=2+5", "+2+5", "-2+5", "@SUM(A1)", "\t=1", "\r=1"})
    void aCellStartingWithAFormulaCharacterGetsALeadingApostrophe(String value) {
        String cell = Csv.cell(value);
        for (char separator : new char[] {',', ';'}) {
            String read = split(cell, separator).getFirst().getFirst();
            assertThat(read).startsWith("'");
            assertThat(read.replace("'", "")).isEqualTo(value);
        }
    }

    @Test
    void anExportedKeyWithHostileTextGivesNoFormulaCellWithEitherSeparator() {
        MutableClock clock = new MutableClock();
        CliHarness alice = new CliHarness(temp.resolve("store"), clock).as("alice", "correct horse battery staple 1");
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        for (String name : List.of("Backup;=2+5;@SUM(A1)", "Backup,=2+5,@SUM(A1)", "-1+1", "=HYPERLINK(\"x\")")) {
            assertThat(alice.run("keys", "create", "--site", "--name", name, "--description",
                    "line;=1+1\n@SUM(A1);+2\n-3,=4").exit()).isZero();
        }

        String csv = alice.run("keys", "export", "--format", "csv").out();
        for (char separator : new char[] {',', ';'}) {
            for (List<String> row : split(csv, separator)) {
                for (String cell : row) {
                    assertThat(cell.isEmpty() || FORMULA_START.indexOf(cell.charAt(0)) < 0)
                            .as("cell %s split on '%s'", cell, separator).isTrue();
                }
            }
        }
        List<List<String>> rows = split(csv, ',');
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).extracting(r -> r.get(1))
                .contains("Backup;'=2+5;'@SUM(A1)", "Backup,'=2+5,'@SUM(A1)", "'-1+1", "'=HYPERLINK(\"x\")");
    }

    /** An RFC 4180 reader with the given separator, as a spreadsheet opening the file reads it. */
    static List<List<String>> split(String csv, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
