package com.keydesk.service;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Builds a well-formed key around any body, as a forger could: the checksum is public arithmetic. */
final class KeyFormatChecksum {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private KeyFormatChecksum() {
    }

    static String withChecksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long rest = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (rest % 62));
            rest /= 62;
        }
        return body + new String(out);
    }
}
