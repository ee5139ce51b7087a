package com.keydesk.scan;

import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.Secret;
import com.keydesk.domain.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Finds KeyDesk keys in files, folders, standard input and git, by their format alone: no store
 * is needed. Follows no symbolic link (neither to a file nor to a folder, so the walk never leaves
 * the tree it was given), reads only regular files (a FIFO or device could block or never end),
 * skips {@code .git} folders (their history is what {@link Options#history} scans, decompressed)
 * and binary files ({@link ContentKind}).
 */
public final class LeakScanner {
    /**
     * @param history          also every blob in the history of each repository a path lies in
     * @param staged           only what is staged in the repository of each path (for a pre-commit hook)
     * @param respectGitignore skip what git ignores (asked of git, for paths inside a repository)
     */
    public record Options(boolean history, boolean staged, boolean respectGitignore) {
        public static Options plain() {
            return new Options(false, false, false);
        }
    }

    /** Called on the scanning thread, in order. */
    public interface Listener {
        void found(Finding finding);

        /** A file or blob was read to its end (binary ones are sniffed and skipped). */
        default void scanned(String path, long bytes) {
        }

        /** A file was not read; {@code why} is one short phrase. */
        default void skipped(String path, String why) {
        }
    }

    public record Summary(long files, long bytes, long binarySkipped, long linksSkipped, long unreadable) {
    }

    private final Options options;
    private final BooleanSupplier cancelled;
    /** Files of a folder read at once ({@link OrderedReads}); the listener still hears them in walk order. */
    private final int readers;
    private long files;
    private long bytes;
    private long binary;
    private long links;
    private long unreadable;

    public LeakScanner(Options options, BooleanSupplier cancelled) {
        this(options, cancelled, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** @param readers files of a folder read at once (1: one after the other, on the caller's thread) */
    LeakScanner(Options options, BooleanSupplier cancelled, int readers) {
        this.options = options;
        this.cancelled = cancelled;
        this.readers = readers;
    }

    /**
     * Scans each target: a file, a folder, or {@code -} for {@code stdin}. Throws
     * {@link java.util.concurrent.CancellationException} once {@code cancelled} says so.
     */
    public Summary scan(List<String> targets, InputStream stdin, Listener listener) {
        try {
            if (options.staged()) {
                for (Path top : repositories(targets)) {
                    GitContent.staged(top, listener, (path, n, kind) -> counted(listener, path, n, kind), cancelled);
                }
                return summary();
            }
            for (String target : targets) {
                if (target.equals("-")) {
                    scanStream("-", stdin, listener);
                } else {
                    walk(Path.of(target), listener);
                }
            }
            if (options.history()) {
                for (Path top : repositories(targets)) {
                    GitContent.history(top, listener, (path, n, kind) -> counted(listener, path, n, kind), cancelled);
                }
            }
            return summary();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Summary summary() {
        return new Summary(files, bytes, binary, links, unreadable);
    }

    /** Each distinct repository the (non-stdin) targets lie in; a target outside any repository is an error. */
    private static Set<Path> repositories(List<String> targets) {
        Set<Path> tops = new LinkedHashSet<>();
        List<String> paths = targets.stream().filter(t -> !t.equals("-")).toList();
        for (String target : paths.isEmpty() ? List.of(".") : paths) {
            Path dir = Path.of(target);
            requireExists(dir);
            Path folder = Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? dir : dir.toAbsolutePath().getParent();
            tops.add(GitContent.requireRepository(folder, "--git or --staged"));
        }
        return tops;
    }

    private static void requireExists(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("There is no file or folder named \"" + Texts.printable(path.toString()) + "\".");
        }
    }

    private void walk(Path start, Listener listener) throws IOException {
        requireExists(start);
        Optional<IgnoreFilter> ignore = Optional.empty();
        Path realStart = start;
        if (options.respectGitignore() && Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            ignore = IgnoreFilter.forFolder(start);
            realStart = start.toRealPath();
        }
        Optional<IgnoreFilter> filter = ignore;
        Path real = realStart;
        try (OrderedReads reads = new OrderedReads(readers)) {
            walk(start, filter, real, reads, listener);
            reads.finish();
        }
    }

    private void walk(Path start, Optional<IgnoreFilter> filter, Path real, OrderedReads reads, Listener listener)
            throws IOException {
        Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(start) && dir.getFileName().toString().equals(".git")) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (filter.isPresent() && !filter.get().keepsFolder(real.resolve(start.relativize(dir)).normalize())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isSymbolicLink()) {
                            reads.say(() -> {
                                links++;
                                listener.skipped(file.toString(), "a symbolic link (never followed)");
                            });
                        } else if (!attrs.isRegularFile()) {
                            reads.say(() -> listener.skipped(file.toString(), "not a regular file"));
                        } else if (filter.isEmpty()
                                || filter.get().keepsFile(real.resolve(start.relativize(file)).normalize())) {
                            reads.read(() -> scanFile(file, listener));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        reads.say(() -> {
                            unreadable++;
                            listener.skipped(file.toString(), "unreadable");
                        });
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /**
     * Reads one file, on any thread: what it found and read is returned as actions for the walk's
     * thread to run in turn (they tell the listener and count), never done here.
     */
    private List<Runnable> scanFile(Path file, Listener listener) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("The scan was cancelled.");
        }
        List<Runnable> outcome = new java.util.ArrayList<>();
        Listener recorded = new Listener() {
            @Override
            public void found(Finding finding) {
                outcome.add(() -> listener.found(finding));
            }
        };
        try {
            // Most files hold no key. A first pass that counts no lines (counting them is most of
            // the scanner's cost) says whether the file needs the pass that places each finding.
            long[] count = {0};
            boolean[] any = {false};
            ContentKind kind;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                kind = ContentScanner.scan(new CountingInputStream(in, count), (line, column, key) -> any[0] = true,
                        cancelled, false);
            }
            if (any[0]) {
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    kind = find(file.toString(), in, recorded, count);
                }
            }
            ContentKind read = kind;
            outcome.add(() -> counted(listener, file.toString(), count[0], read));
        } catch (IOException e) {
            // what was found before the file failed is still a key lying there: said, then the failure
            outcome.add(() -> {
                unreadable++;
                listener.skipped(file.toString(), "unreadable");
            });
        }
        return outcome;
    }

    private void scanStream(String path, InputStream in, Listener listener) throws IOException {
        long[] count = {0};
        ContentKind kind = find(path, in, listener, count);
        counted(listener, path, count[0], kind);
    }

    /** Tells {@code listener} each key in {@code in}, placed; {@code count} gets the bytes read. */
    private ContentKind find(String path, InputStream in, Listener listener, long[] count) throws IOException {
        count[0] = 0;
        return ContentScanner.scan(new CountingInputStream(in, count), (line, column, key) ->
                listener.found(new Finding(path, null, false, line, column, new Secret(key))), cancelled);
    }

    private void counted(Listener listener, String path, long n, ContentKind kind) {
        if (kind == ContentKind.BINARY) {
            binary++;
            listener.skipped(path, "binary");
        } else {
            files++;
            bytes += n;
            listener.scanned(path, n);
        }
    }
}
