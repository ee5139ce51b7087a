package com.keydesk.ui.audit;

import com.keydesk.domain.AuditEntry;
import com.keydesk.format.AuditFields;
import com.keydesk.format.Csv;
import com.keydesk.format.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The entries shown, as a file: every stored field (so the hashes can still be checked) plus the
 * readable action and the target's name. CSV with the command line's formula-safe cells, JSON in
 * its layout.
 */
public final class AuditExport {
    /** The file formats offered. */
    public enum Format {
        CSV("csv"), JSON("json");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    static final List<String> COLUMNS = List.of("seq", "at", "actor", "action", "action_name", "target",
            "target_name", "outcome", "detail", "row_digest", "prev_hash", "entry_hash");

    private AuditExport() {
    }

    public static String write(Format format, List<AuditEntry> entries, Function<AuditEntry, String> targetText) {
        List<Map<String, Object>> rows = new ArrayList<>(entries.size());
        entries.forEach(e -> rows.add(AuditFields.named(e, AuditActions.readable(e.action()), targetText.apply(e))));
        return format == Format.JSON ? Json.write(rows) + "\n" : csv(rows);
    }

    private static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(COLUMNS.size());
            COLUMNS.forEach(column -> cells.add(Csv.cell(java.util.Objects.toString(row.get(column), ""))));
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }
}
