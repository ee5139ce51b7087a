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
        byte[] buf = BUFFERS.get();
        int len = 0;
        int pos = 0;
        long line = 1;
        long column = 1;
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
            // A position is judged only once the whole key length after it has been read (or the input ended).
            int limit = eof ? len : len - (KEY_LENGTH - 1);
            for (; pos < limit; pos++) {
                byte b = buf[pos];
                if (b == 'k' && pos + KEY_LENGTH <= len && hasKeyShape(buf, pos)) {
                    String text = new String(buf, pos, KEY_LENGTH, StandardCharsets.US_ASCII);
                    if (KeyFormat.recognise(text)) {
                        hits.found(line, column, text);
                    }
                }
                if (b == '\n') {
                    line++;
                    column = 1;
                } else if ((b & 0xC0) != 0x80) {
                    column++;
                }
            }
            if (!eof && pos > 0) {
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
                pos = 0;
            }
        }
        return total;
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

    private static boolean isBase62(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }
}
