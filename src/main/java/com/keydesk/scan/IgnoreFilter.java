package com.keydesk.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code .gitignore} (and git's other exclude files) leave in: asked of git itself
 * ({@code ls-files --cached --others --exclude-standard}), never parsed here. A folder is kept
 * only if some kept file lies under it, so ignored trees such as {@code node_modules} are not walked.
 */
final class IgnoreFilter {
    private final Path top;
    private final Set<Path> files = new HashSet<>();
    private final Set<Path> folders = new HashSet<>();

    private IgnoreFilter(Path top) {
        this.top = top;
    }

    /** The filter for the repository holding {@code dir}, or empty when it is not in one (nothing is ignored then). */
    static Optional<IgnoreFilter> forFolder(Path dir) throws IOException {
        Optional<Path> top = Git.topLevel(dir);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        IgnoreFilter filter = new IgnoreFilter(top.get());
        for (String listed : Git.nulSeparated(top.get(), "ls-files", "-z", "--cached", "--others", "--exclude-standard")) {
            Path file = top.get().resolve(listed).normalize();
            filter.files.add(file);
            for (Path parent = file.getParent(); parent != null && parent.startsWith(top.get()); parent = parent.getParent()) {
                if (!filter.folders.add(parent)) {
                    break;
                }
            }
        }
        return Optional.of(filter);
    }

    /** {@code real} is the file's path with the walk's start resolved to its real location. */
    boolean keepsFile(Path real) {
        return !real.startsWith(top) || files.contains(real);
    }

    boolean keepsFolder(Path real) {
        return !real.startsWith(top) || folders.contains(real) || real.equals(top);
    }
}
