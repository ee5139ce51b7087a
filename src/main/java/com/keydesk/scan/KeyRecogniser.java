package com.keydesk.scan;

import com.keydesk.crypto.KeyFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Finds KeyDesk keys in a stream of ASCII-compatible bytes (UTF-8, Latin-1, or UTF-16 already
 * narrowed by {@link Utf16Narrowing}), in bounded memory: one buffer, with the last
 * {@code KEY_LENGTH - 1} bytes carried over each refill so that a key split across two reads is
 * still seen whole.
 * <p>
 * A candidate is {@code kd}, a type marker, {@code _}, and the exact shape after it; it is a
 * finding only if {@link KeyFormat#recognise} accepts its checksum. No boundary is required on
 * either side: a key glued to {@code %22}, an ANSI colour code or other letters is still that key,
 * and the checksum (not the surroundings) is what rules out chance matches.
 * <p>
 * Lines end at {@code \n} (so CRLF counts once); columns count characters from 1 (UTF-8
 * continuation bytes are not counted).
 */
final class KeyRecogniser {
    static final int KEY_LENGTH = KeyFormat.KEY_LENGTH;
    private static final int BUFFER = 64 * 1024;
    /** Offsets of the two underscores inside a key. */
    private static final int FIRST_SEP = 3;
    private static final int SECOND_SEP = 16;
    /**
     * One buffer per scanning thread, reused for every file: a buffer per file made a 1 GB scan
     * of 4,000 files churn 256 MB of garbage, and the heap (so the process) grew to match.
     */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER + KEY_LENGTH]);

    /** One recognised key and where it starts. The text is a real key: handle it as a secret. */
    interface Hits {
        void found(long line, long column, String keyText);
    }

    private KeyRecogniser() {
    }

    /** Reads {@code in} to its end; returns the number of bytes read. */
    static long scan(InputStream in, Hits hits, BooleanSupplier cancelled) throws IOException {
        return scan(in, hits, cancelled, true);
    }

    /**
     * Reads {@code in} to its end; returns the number of bytes read. Without {@code positions}
     * every hit is reported at line 0, column 0: counting lines is most of the scanner's cost,
     * and a caller that can read its input again only needs them where a key is.
     */
    static long scan(InputStream in, Hits hits, BooleanSupplier cancelled, boolean positions) throws IOException {
        byte[] buf = BUFFERS.get();
        Position where = positions ? new Position() : null;
        int len = 0;
        int pos = 0;
        long total = 0;
        boolean eof = false;
        while (!eof) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The scan was cancelled.");
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
                total += n;
            }
            // A start is judged only once the whole key length after it has been read: before
            // the end of the input that is every start but the last KEY_LENGTH - 1 bytes, which
            // are carried over; at the end those cannot hold a key.
            pos = findKeys(buf, pos, len - KEY_LENGTH + 1, where, hits);
            if (!eof && pos > 0) {
                if (where != null) {
                    where.advance(buf, pos);
                    where.shifted(pos);
                }
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
                pos = 0;
            }
        }
        return total;
    }

    /**
     * Judges the starts in {@code [from, limit)}; returns the first start not yet judged. A key is
     * made of key characters only ({@code [A-Za-z0-9_]}), so the window of {@code KEY_LENGTH}
     * bytes at a start is read from its end backwards: the first other character met rules out
     * every start up to it, and in ordinary text (a space every few bytes) that skips most bytes
     * unread. This, not the checksum, is the scanner's hot loop: a byte-by-byte pass cost about
     * 7 ms per MB under the launcher's C1-only JIT.
     */
    private static int findKeys(byte[] buf, int from, int limit, Position where, Hits hits) {
        int s = from;
        while (s < limit) {
            int j = s + KEY_LENGTH - 1;
            while (j >= s && KEY_CHAR[buf[j] & 0xFF]) {
                j--;
            }
            if (j >= s) {
                s = j + 1;
                continue;
            }
            // The window at s holds key characters only: slide one start at a time while the
            // byte entering the window keeps it so (a long run such as base64), judging each.
            while (true) {
                if (buf[s] == 'k' && hasKeyShape(buf, s)) {
                    String text = new String(buf, s, KEY_LENGTH, StandardCharsets.US_ASCII);
                    if (KeyFormat.recognise(text)) {
                        if (where == null) {
                            hits.found(0, 0, text);
                        } else {
                            where.advance(buf, s);
                            hits.found(where.line, where.column, text);
                        }
                    }
                }
                s++;
                if (s >= limit) {
                    break;
                }
                if (!KEY_CHAR[buf[s + KEY_LENGTH - 1] & 0xFF]) {
                    s += KEY_LENGTH;
                    break;
                }
            }
        }
        return s;
    }

    /**
     * Line and column of a place in the stream, brought up to date only when needed (at a key,
     * and before the buffer's front is dropped): counting newlines alone is a tighter loop than
     * counting columns, which only the tail of the last line needs.
     */
    private static final class Position {
        long line = 1;
        long column = 1;
        /** The buffer index that {@link #line} and {@link #column} describe. */
        private int at;

        void advance(byte[] buf, int to) {
            int lastNewline = -1;
            for (int i = at; i < to; i++) {
                if (buf[i] == '\n') {
                    line++;
                    lastNewline = i;
                }
            }
            int tail = at;
            if (lastNewline >= 0) {
                column = 1;
                tail = lastNewline + 1;
            }
            for (int i = tail; i < to; i++) {
                if ((buf[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            at = to;
        }

        /** The buffer's front up to {@link #at} was dropped. */
        void shifted(int by) {
            at -= by;
        }
    }

    /** Prefix, marker, separators and base62 everywhere else: cheap, before the checksum is computed. */
    static boolean hasKeyShape(byte[] buf, int at) {
        if (buf[at + 1] != 'd' || (buf[at + 2] != 's' && buf[at + 2] != 'u')
                || buf[at + FIRST_SEP] != '_' || buf[at + SECOND_SEP] != '_') {
            return false;
        }
        for (int i = FIRST_SEP + 1; i < KEY_LENGTH; i++) {
            if (i != SECOND_SEP && !isBase62(buf[at + i])) {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] KEY_CHAR = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            KEY_CHAR[c] = c == '_' || isBase62((byte) c);
        }
    }

    private static boolean isBase62(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }
}
