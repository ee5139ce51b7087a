package com.keydesk.service;

import com.keydesk.domain.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that links audit entries. Each field is length-prefixed so that no two different
 * entries can produce the same input; the time is hashed exactly as stored (microseconds). The
 * row digest (schema 3) is hashed after the others only when present, so entries written before
 * it existed keep their hashes.
 */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hashOf(AuditEntry e) {
        StringBuilder in = new StringBuilder();
        for (String field : new String[] {Long.toString(e.seq()), e.at().toString(), e.actor(), e.action(),
                e.target(), e.outcome(), e.detail(), e.prevHash()}) {
            String value = field == null ? "\u0000null" : field;
            in.append(value.length()).append(':').append(value).append('\n');
        }
        if (e.rowDigest() != null) {
            in.append("row:").append(e.rowDigest().length()).append(':').append(e.rowDigest()).append('\n');
        }
        return sha256(in.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
