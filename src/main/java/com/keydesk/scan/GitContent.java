package com.keydesk.scan;

import com.keydesk.domain.Secret;
import com.keydesk.domain.ValidationException;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * Content that lives in git rather than in the folder: every blob reachable from any ref
 * ({@code rev-list --all --objects} streamed into {@code cat-file --batch}), or what is staged.
 * Each blob is streamed through the recogniser, never read whole.
 */
final class GitContent {
    private static final String END = "\0end";

    private GitContent() {
    }

    interface Blobs {
        void scanned(String path, long bytes, ContentKind kind);
    }

    /** Every blob in the history of the repository at {@code top}; findings name the commit that introduced it. */
    static void history(Path top, LeakScanner.Listener listener, Blobs blobs, BooleanSupplier cancelled)
            throws IOException {
        Process revList = Git.start(top, "rev-list", "--all", "--objects", "--filter=object:type=blob",
                "--filter-provided-objects");
        Process catFile = Git.start(top, "cat-file", "--batch");
        BlockingQueue<String> paths = new LinkedBlockingQueue<>();
        Thread feeder = Thread.ofVirtual().start(() -> feed(revList, catFile, paths));
        try (InputStream out = new BufferedInputStream(catFile.getInputStream(), 64 * 1024)) {
            while (true) {
                String path = paths.take();
                if (path.equals(END)) {
                    break;
                }
                String header = Git.readLine(out);
                if (header == null) {
                    throw new IOException("git cat-file ended early");
                }
                String[] parts = header.split(" ");
                if (parts.length < 3) {
                    continue; // "<id> missing": a shallow or partial clone
                }
                long size = Long.parseLong(parts[2]);
                List<Finding> found = new ArrayList<>();
                InputStream blob = new BoundedInputStream(out, size);
                ContentKind kind = parts[1].equals("blob")
                        ? ContentScanner.scan(blob, (line, column, key) -> found.add(
                                new Finding(path, null, false, line, column, new Secret(key))), cancelled)
                        : ContentKind.BINARY;
                blob.skip(Long.MAX_VALUE);
                out.read(); // the LF after each object
                blobs.scanned(path, size, kind);
                if (!found.isEmpty()) {
                    String commit = introducingCommit(top, parts[0]);
                    for (Finding f : found) {
                        listener.found(new Finding(f.path(), commit, false, f.line(), f.column(), f.key()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            revList.destroy();
            catFile.destroy();
            feeder.interrupt();
        }
    }

    /** Passes blob ids to cat-file and their paths to the reader, in the same order. */
    private static void feed(Process revList, Process catFile, BlockingQueue<String> paths) {
        try (var ids = new BufferedWriter(new OutputStreamWriter(catFile.getOutputStream(), StandardCharsets.UTF_8));
             InputStream listing = new BufferedInputStream(revList.getInputStream())) {
            String line;
            while ((line = Git.readLine(listing)) != null) {
                int space = line.indexOf(' ');
                if (space < 0) {
                    continue; // an object with no path: not a blob of a tree
                }
                ids.write(line, 0, space);
                ids.write('\n');
                paths.add(line.substring(space + 1));
            }
        } catch (IOException e) {
            // cat-file went away (the reader stopped): nothing more to feed.
        } finally {
            paths.add(END);
        }
    }

    /** The oldest commit whose change added this blob (any ref), or null if git cannot say. */
    private static String introducingCommit(Path top, String blobId) throws IOException {
        List<String> commits = Git.lines(top, "log", "--all", "-m", "--no-ext-diff", "--no-textconv",
                "--format=%H", "--find-object=" + blobId);
        return commits.isEmpty() ? null : commits.getLast().strip();
    }

    /** What is staged for the next commit in the repository at {@code top} (added, copied, modified, renamed). */
    static void staged(Path top, LeakScanner.Listener listener, Blobs blobs, BooleanSupplier cancelled)
            throws IOException {
        List<String> fields = Git.nulSeparated(top, "diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames",
                "--no-ext-diff", "--no-textconv", "--diff-filter=ACMR");
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String[] meta = fields.get(i).split(" ");
            String path = fields.get(i + 1);
            if (meta.length < 4 || meta[1].equals("160000")) {
                continue; // a submodule: its content is another repository's
            }
            Process cat = Git.start(top, "cat-file", "blob", meta[3]);
            try (InputStream in = new BufferedInputStream(cat.getInputStream(), 64 * 1024)) {
                long[] bytes = {0};
                ContentKind kind = ContentScanner.scan(new CountingInputStream(in, bytes), (line, column, key) ->
                        listener.found(new Finding(path, null, true, line, column, new Secret(key))), cancelled);
                blobs.scanned(path, bytes[0], kind);
            } finally {
                cat.destroy();
            }
        }
    }

    static Path requireRepository(Path dir, String option) {
        return Git.topLevel(dir).orElseThrow(() -> new ValidationException("path",
                option + " needs a git repository, and " + dir + " is not inside one."));
    }
}
