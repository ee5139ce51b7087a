package com.keydesk.format;

import com.keydesk.domain.AuditEntry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An audit entry as named fields, in one order, for every export of the log (the command line's
 * {@code audit list --json}, the audit screen's CSV and JSON files): every stored field, so that a
 * reader can still check the hashes, under the same names wherever it is written.
 */
public final class AuditFields {
    private AuditFields() {
    }

    /** Every stored field: seq, at, actor, action, target, outcome, detail, row_digest, prev_hash, entry_hash. */
    public static Map<String, Object> of(AuditEntry e) {
        return fields(e, false, null, null);
    }

    /**
     * As {@link #of}, with what a person reads besides: {@code action_name} after action and
     * {@code target_name} after target.
     */
    public static Map<String, Object> named(AuditEntry e, String actionName, String targetName) {
        return fields(e, true, actionName, targetName);
    }

    private static Map<String, Object> fields(AuditEntry e, boolean named, String actionName, String targetName) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", e.at());
        out.put("actor", e.actor());
        out.put("action", e.action());
        if (named) {
            out.put("action_name", actionName);
        }
        out.put("target", e.target());
        if (named) {
            out.put("target_name", targetName);
        }
        out.put("outcome", e.outcome());
        out.put("detail", e.detail());
        out.put("row_digest", e.rowDigest());
        out.put("prev_hash", e.prevHash());
        out.put("entry_hash", e.entryHash());
        return out;
    }
}
