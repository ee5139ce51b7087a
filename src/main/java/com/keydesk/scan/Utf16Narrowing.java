package com.keydesk.scan;

import java.io.IOException;
import java.io.InputStream;

/**
 * UTF-16 read as one byte per code unit: ASCII units as themselves, every other unit as one
 * non-ASCII byte that cannot belong to a key. Keys are ASCII, so nothing is lost for the
 * recogniser, and a column still counts one per code unit.
 */
final class Utf16Narrowing extends InputStream {
    private static final int OTHER = 0xC2;
    private final InputStream in;
    private final boolean littleEndian;
    private final byte[] pairs = new byte[16 * 1024];

    Utf16Narrowing(InputStream in, boolean littleEndian) {
        this.in = in;
        this.littleEndian = littleEndian;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int want = Math.min(len, pairs.length / 2) * 2;
        int got = in.readNBytes(pairs, 0, want);
        if (got < 2) {
            return -1;
        }
        int units = got / 2;
        for (int i = 0; i < units; i++) {
            int a = pairs[2 * i] & 0xFF;
            int b = pairs[2 * i + 1] & 0xFF;
            int unit = littleEndian ? (b << 8) | a : (a << 8) | b;
            out[off + i] = (byte) (unit < 0x80 ? unit : OTHER);
        }
        return units;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
