package com.keydesk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an installation keeps, per store location, the newest audit entry it has seen: one small
 * file per store in a folder of the person's own, outside the store. Its files are input like any
 * other: read with a size bound and a strict shape, and a file that does not parse counts as none.
 */
final class WitnessBook {
    /** What an installation last saw of one store: the store's identity (its first entry's hash) and its head. */
    record Seen(String identity, long seq, String hash) {
    }

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_BYTES = 1_024;
    private static final String MAGIC = "keydesk-witness 1";

    private final Path folder;

    WitnessBook(Path folder) {
        this.folder = folder;
    }

    Optional<Seen> read(String location) {
        Path file = fileFor(location);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 4 || !lines.get(0).equals(MAGIC) || !lines.get(1).startsWith("store ")
                    || !lines.get(2).startsWith("seq ") || !lines.get(3).startsWith("hash ")) {
                return Optional.empty();
            }
            String identity = lines.get(1).substring(6);
            String hash = lines.get(3).substring(5);
            long seq = Long.parseLong(lines.get(2).substring(4));
            if (!HEX64.matcher(identity).matches() || !HEX64.matcher(hash).matches() || seq < 1) {
                return Optional.empty();
            }
            return Optional.of(new Seen(identity, seq, hash));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes atomically (a new file, then a rename), readable by its owner only. A failure is
     * reported, not thrown: the witness must never stop a command that has already done its work.
     */
    Optional<String> write(String location, Seen seen) {
        try {
            PrivateFile.replace(fileFor(location), MAGIC + "\nstore " + seen.identity() + "\nseq " + seen.seq()
                    + "\nhash " + seen.hash() + "\nlocation " + location.replaceAll("\\p{Cntrl}", "?") + "\n");
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("could not record what this installation saw of the store in " + folder + ": "
                    + e.getMessage());
        }
    }

    Path fileFor(String location) {
        return folder.resolve(AuditChain.sha256(location).substring(0, 32) + ".witness");
    }
}
