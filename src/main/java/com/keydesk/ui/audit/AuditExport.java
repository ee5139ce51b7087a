package com.keydesk.ui.audit;

import com.keydesk.domain.AuditEntry;
import com.keydesk.format.Csv;
import com.keydesk.format.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        entries.forEach(e -> rows.add(fields(e, targetText.apply(e))));
        return format == Format.JSON ? Json.write(rows) + "\n" : csv(rows);
    }

    private static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(COLUMNS.size());
            row.values().forEach(v -> cells.add(Csv.cell(v == null ? "" : v.toString())));
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static Map<String, Object> fields(AuditEntry e, String targetName) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", Json.instant(e.at()));
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("action_name", AuditActions.readable(e.action()));
        out.put("target", e.target());
        out.put("target_name", targetName);
        out.put("outcome", e.outcome());
        out.put("detail", e.detail());
        out.put("row_digest", e.rowDigest());
        out.put("prev_hash", e.prevHash());
        out.put("entry_hash", e.entryHash());
        return out;
    }
}
