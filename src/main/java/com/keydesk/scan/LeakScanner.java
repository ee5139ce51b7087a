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
    private long files;
    private long bytes;
    private long binary;
    private long links;
    private long unreadable;

    public LeakScanner(Options options, BooleanSupplier cancelled) {
        this.options = options;
        this.cancelled = cancelled;
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
                            links++;
                            listener.skipped(file.toString(), "a symbolic link (never followed)");
                        } else if (!attrs.isRegularFile()) {
                            listener.skipped(file.toString(), "not a regular file");
                        } else if (filter.isEmpty()
                                || filter.get().keepsFile(real.resolve(start.relativize(file)).normalize())) {
                            scanFile(file, listener);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        unreadable++;
                        listener.skipped(file.toString(), "unreadable");
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private void scanFile(Path file, Listener listener) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("The scan was cancelled.");
        }
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
            if (!any[0]) {
                counted(listener, file.toString(), count[0], kind);
                return;
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                scanStream(file.toString(), in, listener);
            }
        } catch (IOException e) {
            unreadable++;
            listener.skipped(file.toString(), "unreadable");
        }
    }

    private void scanStream(String path, InputStream in, Listener listener) throws IOException {
        long[] count = {0};
        ContentKind kind = ContentScanner.scan(new CountingInputStream(in, count), (line, column, key) ->
                listener.found(new Finding(path, null, false, line, column, new Secret(key))), cancelled);
        counted(listener, path, count[0], kind);
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
