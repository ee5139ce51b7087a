package com.keydesk.bench.process;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference for {@code keys list --json}: a JVM of the app's runtime, started with the
 * launcher's options, that writes the same bytes to standard output with no store, no sign-in and
 * no JSON to build. What {@code keys list} costs beyond it is the store's and the format's.
 */
public final class SameBytes {
    private SameBytes() {
    }

    public static void main(String[] args) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
             OutputStream out = new FileOutputStream(FileDescriptor.out)) {
            in.transferTo(out);
        }
    }
}
