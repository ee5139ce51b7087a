package com.keydesk.bench.process;

import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.KeyType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tree that {@code keydesk scan} and ripgrep are timed on: ordinary text, made once and kept in
 * target/bench/scan-tree-N-mb/ between runs (like the demo stores). Files of 256 KB in folders of
 * 100: lines of dictionary-like words and numbers, a {@code kd_N} token on every fourth line, one
 * key-shaped string with a broken checksum per file (ripgrep matches it, the scanner must not), and
 * {@link #KEYS} real keys made by {@link KeyFormat}, so their checksums are right. Only where the
 * keys lie is written down ({@code planted.txt}: path and lookup id), never the keys themselves.
 */
final class ScanTree {
    static final int FILE_BYTES = 256 * 1024;
    static final int KEYS = 6;
    private static final String DONE = "complete";

    private ScanTree() {
    }

    /** Where the kept tree of {@code megabytes} lives. */
    static Path folder(Path bench, int megabytes) {
        return bench.resolve("scan-tree-" + megabytes + "-mb").toAbsolutePath();
    }

    /** Makes the tree unless a finished one is there; returns where it is. */
    static Path ensure(Path bench, int megabytes) throws IOException, InterruptedException {
        Path root = folder(bench, megabytes);
        if (Files.exists(root.resolve(DONE))) {
            return root;
        }
        System.out.printf("Making a %,d MB text tree with %d keys in %s%n", megabytes, KEYS, root);
        if (Files.exists(root)) {
            Processes.run(new ProcessBuilder("rm", "-rf", root.toString()), null);
        }
        int files = (int) ((long) megabytes * 1024 * 1024 / FILE_BYTES);
        Random random = new Random(15);
        Words words = new Words(random);
        KeyFormat format = new KeyFormat(new SecureRandom());
        List<String> planted = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            Path file = root.resolve("tree").resolve(String.format("d%03d/f%04d.txt", f / 100, f));
            Files.createDirectories(file.getParent());
            // The keys are spread over the tree: file 0, then every files/KEYS-th.
            String key = f % Math.max(1, files / KEYS) == 0 && planted.size() < KEYS
                    ? format.generate(planted.size() % 2 == 0 ? KeyType.SITE : KeyType.USER).text() : null;
            writeFile(file, random, words, format, key);
            if (key != null) {
                planted.add(root.relativize(file) + " " + KeyFormat.lookupIdOf(key));
            }
        }
        Files.write(root.resolve("planted.txt"), planted);
        Files.writeString(root.resolve(DONE), files + " files\n");
        return root;
    }

    /** Each planted key as "tree/dNNN/fNNNN.txt LOOKUP_ID", the path relative to the tree's folder. */
    static Set<String> planted(Path root) throws IOException {
        return new TreeSet<>(Files.readAllLines(root.resolve("planted.txt")));
    }

    private static void writeFile(Path file, Random random, Words words, KeyFormat format, String key) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder(160);
            int written = 0;
            int lineNo = 0;
            int keyLine = 200 + random.nextInt(400);
            int nearMissLine = 100 + random.nextInt(400);
            while (written < FILE_BYTES) {
                line.setLength(0);
                if (key != null && lineNo == keyLine) {
                    line.append("API_KEY=").append(key);
                } else if (lineNo == nearMissLine) {
                    line.append("token: ").append(brokenChecksum(format, random));
                } else {
                    int count = 4 + random.nextInt(11);
                    for (int w = 0; w < count; w++) {
                        line.append(w == 0 ? "" : " ").append(words.next());
                    }
                    line.append(' ').append(random.nextInt(100_000));
                    if (lineNo % 4 == 0) {
                        line.append(" kd_").append(lineNo);
                    }
                }
                line.append('\n');
                out.append(line);
                written += line.length();
                lineNo++;
            }
        }
    }

    /** A key of the right shape whose last character is changed, so its checksum fails. */
    private static String brokenChecksum(KeyFormat format, Random random) {
        String key = format.generate(random.nextBoolean() ? KeyType.SITE : KeyType.USER).text();
        char last = key.charAt(key.length() - 1);
        return key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    /** A fixed vocabulary of pronounceable words, drawn with a skew like natural text. */
    private static final class Words {
        private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t",
                "v", "w", "st", "tr", "pl", "ch", "sh", "th", "gr", "br"};
        private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ea", "ou", "ai"};
        private static final String[] CODAS = {"", "", "n", "r", "s", "t", "l", "nd", "ng", "ck", "st"};
        private final String[] vocabulary = new String[20_000];
        private final Random random;

        Words(Random random) {
            this.random = random;
            for (int i = 0; i < vocabulary.length; i++) {
                StringBuilder w = new StringBuilder();
                int syllables = 1 + random.nextInt(3);
                for (int s = 0; s < syllables; s++) {
                    w.append(pick(ONSETS)).append(pick(VOWELS)).append(pick(CODAS));
                }
                vocabulary[i] = i % 7 == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w.toString();
            }
        }

        String next() {
            // Squaring a uniform draw favours the front of the list: a few words are common, most rare.
            double u = random.nextDouble();
            return vocabulary[(int) (u * u * vocabulary.length)];
        }

        private String pick(String[] parts) {
            return parts[random.nextInt(parts.length)];
        }
    }
}
