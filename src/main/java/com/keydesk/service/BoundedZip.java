package com.keydesk.service;

import com.keydesk.domain.ValidationException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A backup zip read as a stream, entry by entry, with every bound counted from the bytes actually
 * inflated: sizes in a zip's headers are whatever its maker wrote. Nothing is written anywhere;
 * a bomb is refused as soon as it passes a bound.
 */
final class BoundedZip implements AutoCloseable {
    private final Path file;
    private final BackupFormat.Limits limits;
    private final Counted raw;
    private final ZipInputStream zip;
    private long inflatedTotal;

    BoundedZip(Path file, BackupFormat.Limits limits) throws IOException {
        this.file = file;
        this.limits = limits;
        this.raw = new Counted(Files.newInputStream(file));
        this.zip = new ZipInputStream(raw);
    }

    /** The next entry's name, or null at the end of the zip. */
    String next() throws IOException {
        ZipEntry entry = zip.getNextEntry();
        return entry == null ? null : entry.getName();
    }

    /** The current entry's bytes, each counted against the bounds and fed to {@code digest}. */
    InputStream entry(String name, MessageDigest digest) {
        return new FilterInputStream(zip) {
            private long inflated;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    inflated += n;
                    inflatedTotal += n;
                    check(name, inflated);
                    digest.update(b, off, n);
                }
                return n;
            }

            @Override
            public void close() {
                // the zip stays open for the next entry
            }
        };
    }

    private void check(String name, long inflated) {
        if (inflated > limits.entryBytes()) {
            throw refused(name + " holds more than " + mib(limits.entryBytes()) + " once unpacked");
        }
        if (inflatedTotal > limits.totalBytes()) {
            throw refused("it holds more than " + mib(limits.totalBytes()) + " once unpacked");
        }
        if (inflatedTotal > limits.ratioGrace() && inflatedTotal > limits.ratio() * Math.max(1, raw.count)) {
            throw refused(name + " unpacks to more than " + limits.ratio()
                    + " times its packed size, which no KeyDesk backup does (a zip bomb)");
        }
    }

    /** Bytes inflated so far, over all entries. */
    long inflated() {
        return inflatedTotal;
    }

    ValidationException refused(String why) {
        return BackupReader.refused(file, why);
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The packed bytes read so far from the file. */
    private static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
