package com.keydesk.cli;

import com.keydesk.domain.Texts;
import com.keydesk.scan.Finding;
import com.keydesk.scan.LeakScanner;
import com.keydesk.service.LeakService.FoundKey;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scan's findings as text, JSON or SARIF 2.1.0. Every form shows a key only masked (prefix,
 * lookup id, last four characters, which are checksum): the secret part is never written.
 */
final class ScanReport {
    static final String RULE_ID = "keydesk/leaked-key";

    private ScanReport() {
    }

    static void text(PrintStream out, List<Finding> findings, List<FoundKey> names) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            FoundKey k = names.get(i);
            out.println(printable(f.where()) + ":" + f.line() + ":" + f.column() + "  " + f.masked() + "  "
                    + k.statusName() + (k.known() ? "  key " + k.keyId() + " \"" + k.name() + "\""
                    + (k.owner() == null ? " (site-wide)" : " (owner " + k.owner() + ")") : ""));
        }
    }

    static List<Map<String, Object>> json(List<Finding> findings, List<FoundKey> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            FoundKey k = names.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("commit", f.commit());
            m.put("staged", f.staged());
            m.put("line", f.line());
            m.put("column", f.column());
            m.put("masked_key", f.masked());
            m.put("type", f.type().name().toLowerCase(Locale.ROOT));
            m.put("lookup_id", f.lookupId());
            m.put("status", k.statusName());
            m.put("key_id", k.keyId());
            m.put("name", k.name());
            m.put("owner", k.owner());
            out.add(m);
        }
        return out;
    }

    /** One run, one rule, one result per finding; columns count Unicode code points. */
    static Map<String, Object> sarif(List<Finding> findings, List<FoundKey> names, String version) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", RULE_ID);
        rule.put("name", "LeakedKeyDeskKey");
        rule.put("shortDescription", Map.of("text", "A KeyDesk API key lies in this file."));
        rule.put("fullDescription", Map.of("text", "A KeyDesk API key (recognised by its prefix, shape and checksum)"
                + " is stored in plain text. Revoke it (keydesk scan --revoke, or keys replace) and remove it."));
        rule.put("defaultConfiguration", Map.of("level", "error"));
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "KeyDesk");
        driver.put("version", version);
        driver.put("rules", List.of(rule));
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            results.add(result(findings.get(i), names.get(i)));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static Map<String, Object> result(Finding f, FoundKey k) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", f.line());
        region.put("startColumn", f.column());
        region.put("endLine", f.line());
        region.put("endColumn", f.column() + com.keydesk.crypto.KeyFormat.KEY_LENGTH);
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(f.path())));
        physical.put("region", region);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", k.statusName());
        properties.put("maskedKey", f.masked());
        if (k.known()) {
            properties.put("keyId", k.keyId());
            properties.put("keyName", k.name());
        }
        if (f.commit() != null) {
            properties.put("commit", f.commit());
        }
        if (f.staged()) {
            properties.put("staged", true);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", RULE_ID);
        result.put("ruleIndex", 0);
        result.put("level", "error");
        result.put("message", Map.of("text", "KeyDesk key " + f.masked() + " (" + k.statusName()
                + (k.known() ? ", key " + k.keyId() + " \"" + k.name() + "\"" : "") + ")"
                + (f.commit() != null ? " in commit " + f.commit() : "") + ": revoke it and remove it."));
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        result.put("partialFingerprints", Map.of("keydeskLookupId/v1", f.lookupId()));
        result.put("properties", properties);
        return result;
    }

    /** A relative URI reference for a relative path (forward slashes, percent-encoded), a file: URI for an absolute one. */
    static String uri(String path) {
        if (path.equals("-")) {
            return "stdin";
        }
        String slashes = path.replace('\\', '/');
        try {
            if (slashes.startsWith("/")) {
                return new URI("file", "", slashes, null).toASCIIString();
            }
            return new URI(null, null, slashes, null).toASCIIString();
        } catch (URISyntaxException e) {
            return "unnamed";
        }
    }

    static String summary(LeakScanner.Summary s, int found) {
        return "Scanned " + s.files() + (s.files() == 1 ? " file" : " files") + " (" + megabytes(s.bytes()) + ")"
                + (s.binarySkipped() > 0 ? ", skipped " + s.binarySkipped() + " binary" : "")
                + (s.linksSkipped() > 0 ? ", skipped " + s.linksSkipped() + " symbolic links" : "")
                + (s.unreadable() > 0 ? ", " + s.unreadable() + " unreadable" : "")
                + "; found " + found + (found == 1 ? " key." : " keys.");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** A path from the tree can hold control characters: never echo them to a terminal. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.appendCodePoint(Texts.isUnsafe(cp) ? '?' : cp));
        return out.toString();
    }
}
