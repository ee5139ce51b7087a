package com.keydesk.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.function.BooleanSupplier;

/** One file's or blob's content: sniffed ({@link ContentKind}), decoded if UTF-16, then recognised. */
final class ContentScanner {
    private ContentScanner() {
    }

    /** Scans {@code in} to its end unless it is binary; returns what it was. */
    static ContentKind scan(InputStream in, KeyRecogniser.Hits hits, BooleanSupplier cancelled) throws IOException {
        return scan(in, hits, cancelled, true);
    }

    /** As {@link #scan(InputStream, KeyRecogniser.Hits, BooleanSupplier)}; see {@link KeyRecogniser#scan} for {@code positions}. */
    static ContentKind scan(InputStream in, KeyRecogniser.Hits hits, BooleanSupplier cancelled, boolean positions)
            throws IOException {
        byte[] head = in.readNBytes(ContentKind.SNIFF_LENGTH);
        ContentKind kind = ContentKind.of(head, head.length);
        if (kind == ContentKind.BINARY) {
            return kind;
        }
        int skip = byteOrderMarkLength(head, kind);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), in);
        InputStream ascii = switch (kind) {
            case UTF16_LE -> new Utf16Narrowing(whole, true);
            case UTF16_BE -> new Utf16Narrowing(whole, false);
            default -> whole;
        };
        KeyRecogniser.scan(ascii, hits, cancelled, positions);
        return kind;
    }

    /** A byte-order mark is not a character of the first line: skipping it keeps columns right. */
    private static int byteOrderMarkLength(byte[] head, ContentKind kind) {
        if (kind == ContentKind.TEXT) {
            boolean utf8Bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            return utf8Bom ? 3 : 0;
        }
        boolean le = head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE;
        boolean be = head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF;
        return (kind == ContentKind.UTF16_LE && le) || (kind == ContentKind.UTF16_BE && be) ? 2 : 0;
    }
}
