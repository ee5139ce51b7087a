package com.keydesk.scan;

import com.keydesk.domain.ValidationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code git} program, run so that nothing the scanned repository brings is executed: its
 * own configuration could name an fsmonitor program (switched off on every call) or an external
 * diff or textconv (every diff here is raw, with {@code --no-ext-diff --no-textconv}); no command
 * used here runs hooks or filters.
 */
final class Git {
    private Git() {
    }

    /** The repository's top folder (as git resolves it), or empty when {@code dir} is not inside one. */
    static Optional<Path> topLevel(Path dir) {
        try {
            Process p = start(dir, "rev-parse", "--show-toplevel");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
        } catch (IOException e) {
            throw missing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The NUL-separated fields a command prints with {@code -z}; a failing command is an error. */
    static List<String> nulSeparated(Path dir, String... args) throws IOException {
        Process p = start(dir, args);
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("git " + args[0] + " failed in " + dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        List<String> fields = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                fields.add(new String(out, from, i - from, StandardCharsets.UTF_8));
                from = i + 1;
            }
        }
        return fields;
    }

    /** The lines a command prints (its output read whole: only for short outputs). */
    static List<String> lines(Path dir, String... args) throws IOException {
        Process p = start(dir, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    static Process start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "--no-replace-objects", "-C", dir.toString(),
                "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false", "-c", "core.quotePath=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
        try {
            return builder.start();
        } catch (IOException e) {
            throw missing();
        }
    }

    /** One line of a byte stream, without its LF; null at the end. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static ValidationException missing() {
        return new ValidationException("git", "Scanning git history or staged changes needs the git program on the PATH.");
    }
}
