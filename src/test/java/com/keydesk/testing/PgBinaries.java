package com.keydesk.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds PostgreSQL's server programs and runs them, as the {@code postgres} user when we are root. */
final class PgBinaries {
    private static final String SERVER_USER = "postgres";

    private PgBinaries() {
    }

    /**
     * The bin folder holding initdb and pg_ctl: KEYDESK_PG_BIN (or -Dkeydesk.test.pg.bin) if set, else
     * the newest Debian /usr/lib/postgresql/N/bin, else the PATH; null if none has them.
     */
    static Path find() {
        String chosen = System.getProperty("keydesk.test.pg.bin", System.getenv("KEYDESK_PG_BIN"));
        if (chosen != null && !chosen.isBlank()) {
            return hasServer(Path.of(chosen)) ? Path.of(chosen) : null;
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.map(v -> v.resolve("bin")).filter(PgBinaries::hasServer)
                        .max(Comparator.comparingDouble(PgBinaries::version)).orElse(null);
                if (newest != null) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && hasServer(Path.of(entry))) {
                return Path.of(entry);
            }
        }
        return null;
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static double version(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A new temporary folder the server user may own and write (initdb refuses a folder it cannot). */
    static Path newOwnedFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (root()) {
                Files.setOwner(folder, folder.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SERVER_USER));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a folder for the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    static String runAsServerUser(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(command);
        return run(full, timeoutSeconds);
    }

    /** Runs a program to its end; its output, or an exception quoting it when it fails or hangs. */
    static String run(List<String> command, int timeoutSeconds) {
        Path output = null;
        try {
            output = Files.createTempFile("keydesk-pgcmd-", ".out");
            // the output goes to a file, not a pipe: a server started by pg_ctl must not hold our pipe open
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .directory(new File(System.getProperty("java.io.tmpdir"))).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a stray temporary file
                }
            }
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    /** Deletes the folder from a process that outlives this JVM; in this JVM where that cannot start. */
    static void deleteInBackground(Path folder) {
        try {
            new ProcessBuilder("rm", "-rf", folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noRm) {
            Folders.deleteTree(folder);
        }
    }
}
