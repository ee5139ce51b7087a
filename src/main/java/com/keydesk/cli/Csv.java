package com.keydesk.cli;

import java.util.List;
import java.util.Map;

/** RFC 4180 CSV, with cells that a spreadsheet would run as a formula made inert. */
final class Csv {
    private Csv() {
    }

    static String write(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = row.get(columns.get(i));
                out.append(cell(value == null ? "" : value.toString()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
