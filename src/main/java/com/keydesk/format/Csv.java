package com.keydesk.format;

/**
 * RFC 4180 CSV that a spreadsheet cannot turn into formulas, whichever separator it splits on.
 * Spreadsheets run a cell starting with = + - @ TAB or CR, so such a character gets a leading
 * {@code '} (OWASP's CSV injection advice) wherever a spreadsheet might start a cell: at the
 * start of the value and right after a {@code ,} {@code ;} TAB or line break inside it. Quoting
 * alone is not enough: a spreadsheet that splits this file on {@code ;} ignores quotes that do not
 * begin its own cells, so {@code "Backup;=2+5;@SUM(A1)"} became three cells there, two of them
 * formulas. A value holding a separator, a quote or a line break is also quoted, as RFC 4180 says.
 */
public final class Csv {
    private static final String FORMULA_START = "=+-@\t\r";
    private static final String CELL_BOUNDARY = ",;\t\r\n";
    private static final String NEEDS_QUOTES = ",;\"\n\r\t";

    private Csv() {
    }

    public static String cell(String value) {
        StringBuilder safe = new StringBuilder(value.length() + 2);
        boolean quote = false;
        boolean atBoundary = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (atBoundary && FORMULA_START.indexOf(c) >= 0) {
                safe.append('\'');
            }
            safe.append(c == '"' ? "\"\"" : String.valueOf(c));
            quote |= NEEDS_QUOTES.indexOf(c) >= 0;
            atBoundary = CELL_BOUNDARY.indexOf(c) >= 0;
        }
        return quote ? "\"" + safe + "\"" : safe.toString();
    }
}
