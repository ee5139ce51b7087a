package com.keydesk.crypto;

/** Test helper: builds well-formed key texts the generator would not make, to probe the checks behind the format. */
public final class KeyTexts {
    private KeyTexts() {
    }

    /** The same key with another type marker and a checksum recomputed to match. */
    public static String withMarker(String keyText, char marker) {
        String body = keyText.substring(0, KeyFormat.KEY_LENGTH - KeyFormat.CHECKSUM_LENGTH);
        String changed = body.substring(0, KeyFormat.PREFIX.length()) + marker + body.substring(KeyFormat.PREFIX.length() + 1);
        return changed + KeyFormat.checksum(changed);
    }

    /** The same key with its secret part replaced and a checksum recomputed to match: passes the offline checks. */
    public static String withSecret(String keyText, String secretPart) {
        int start = keyText.lastIndexOf('_') + 1;
        String body = keyText.substring(0, start) + secretPart;
        return body + KeyFormat.checksum(body);
    }

    /** The secret part of a key text: the random characters between the last '_' and the checksum. */
    public static String secretPart(String keyText) {
        int start = keyText.lastIndexOf('_') + 1;
        return keyText.substring(start, start + KeyFormat.SECRET_LENGTH);
    }
}
