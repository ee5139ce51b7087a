package com.keydesk.scan;

/**
 * What the first bytes of a file say it is. "Binary" is git's rule: a NUL byte in the first
 * {@value #SNIFF_LENGTH} bytes, unless the NULs fall in the pattern of UTF-16 text.
 */
enum ContentKind {
    TEXT,
    UTF16_LE,
    UTF16_BE,
    BINARY;

    static final int SNIFF_LENGTH = 8000;

    /** Decides on the first bytes of the content (fewer if the content is shorter). */
    static ContentKind of(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return UTF16_LE;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return UTF16_BE;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                if ((i & 1) == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        if (evenNuls + oddNuls == 0) {
            return TEXT;
        }
        // UTF-16 without a BOM: mostly ASCII text puts a NUL in (nearly) every other byte, on one side only.
        int pairs = length / 2;
        if (pairs >= 4 && oddNuls >= pairs / 2 && evenNuls <= pairs / 50) {
            return UTF16_LE;
        }
        if (pairs >= 4 && evenNuls >= pairs / 2 && oddNuls <= pairs / 50) {
            return UTF16_BE;
        }
        return BINARY;
    }
}
