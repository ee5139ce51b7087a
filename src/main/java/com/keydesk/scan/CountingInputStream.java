package com.keydesk.scan;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it, for the summary and the progress bar. */
final class CountingInputStream extends FilterInputStream {
    private final long[] count;

    CountingInputStream(InputStream in, long[] count) {
        super(in);
        this.count = count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count[0]++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count[0] += n;
        }
        return n;
    }
}
