package com.keydesk.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Child processes of the benchmark: run to completion, or stop them politely, then firmly. */
final class Processes {
    private Processes() {
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Runs a command to its end (stdout to a file or discarded) and fails with its stderr if it fails. */
    static void run(ProcessBuilder builder, Path stdout) throws IOException, InterruptedException {
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", builder.command()) + " failed (" + process.exitValue() + "): " + stderr);
        }
    }
}
