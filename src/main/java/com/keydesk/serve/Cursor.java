package com.keydesk.serve;

import com.keydesk.service.KeyQuery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque text in X-Files-Cursor: where the last page ended (the last key's id and expiry) and
 * a digest of the list's other parameters, so a cursor sent with another list's parameters is
 * refused rather than misread. It holds no secret and needs none: a forged cursor only names a
 * place to start in a list the caller may read anyway. Any server of the same store reads it.
 */
final class Cursor {
    private static final String VERSION = "1";

    private Cursor() {
    }

    static String encode(String listDigest, KeyQuery.Position after) {
        String text = VERSION + ":" + listDigest + ":" + after.id() + ":"
                + (after.expiresAt() == null ? "" : after.expiresAt().getEpochSecond() + "." + after.expiresAt().getNano());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    static KeyQuery.Position decode(String cursor, String listDigest) {
        if (cursor.length() > 200 || !cursor.matches("[A-Za-z0-9_-]+")) {
            throw ApiError.invalidCursor();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidCursor();
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(listDigest)
                || !parts[2].matches("[1-9][0-9]{0,17}") || !parts[3].matches("|-?[0-9]{1,15}\\.[0-9]{1,9}")) {
            throw ApiError.invalidCursor();
        }
        Instant expires = parts[3].isEmpty() ? null : Instant.ofEpochSecond(
                Long.parseLong(parts[3].substring(0, parts[3].indexOf('.'))),
                Long.parseLong(parts[3].substring(parts[3].indexOf('.') + 1)));
        return new KeyQuery.Position(Long.parseLong(parts[2]), expires);
    }

    /** A short digest of what defines the list apart from where a page starts and how long it is. */
    static String digestOf(String canonicalParameters) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalParameters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
