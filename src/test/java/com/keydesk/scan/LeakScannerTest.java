package com.keydesk.scan;

import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Walking folders, standard input and git: what is read, what is skipped, and what findings name. */
class LeakScannerTest {
    @TempDir
    Path temp;

    private List<Finding> scan(LeakScanner.Options options, InputStream stdin, String... targets) {
        List<Finding> found = new ArrayList<>();
        new LeakScanner(options, () -> false).scan(List.of(targets), stdin, found::add);
        return found;
    }

    private List<Finding> scan(String... targets) {
        return scan(LeakScanner.Options.plain(), InputStream.nullInputStream(), targets);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void filesReadOnSeveralThreadsAreToldInWalkOrderAsOneThreadTellsThem() throws IOException {
        String line = "ordinary words and numbers 12345 kd_ noise\n";
        for (int i = 0; i < 60; i++) {
            Path file = temp.resolve("tree/d" + (i % 7) + "/f" + i + ".txt");
            // some files hold keys (one of them two), some are large, some binary, one is a link
            String body = i % 5 == 0 ? line.repeat(i * 40) + "k=" + Keys.site() + "\n" + (i == 10 ? Keys.user() : "")
                    : line.repeat(i * 20);
            write(file, body);
            if (i % 13 == 0) {
                Files.write(temp.resolve("tree/d" + (i % 7) + "/blob" + i + ".bin"), new byte[] {0, 1, 2, 0, 0, 3});
            }
        }
        Files.createSymbolicLink(temp.resolve("tree/d1/link"), temp.resolve("tree/d1/f1.txt"));

        List<String> oneThread = new ArrayList<>();
        LeakScanner.Summary one = new LeakScanner(LeakScanner.Options.plain(), () -> false, 1)
                .scan(List.of(temp.resolve("tree").toString()), InputStream.nullInputStream(), recording(oneThread));
        List<String> threeThreads = new ArrayList<>();
        LeakScanner.Summary three = new LeakScanner(LeakScanner.Options.plain(), () -> false, 3)
                .scan(List.of(temp.resolve("tree").toString()), InputStream.nullInputStream(), recording(threeThreads));

        assertThat(oneThread).hasSizeGreaterThan(60).anyMatch(told -> told.startsWith("found"))
                .anyMatch(told -> told.endsWith("binary")).anyMatch(told -> told.contains("symbolic link"));
        assertThat(threeThreads).containsExactlyElementsOf(oneThread);
        assertThat(three).isEqualTo(one);
        assertThat(one.files()).isEqualTo(60);
    }

    /** Everything the scanner tells, one line each, with the thread it was told on. */
    private static LeakScanner.Listener recording(List<String> told) {
        Thread caller = Thread.currentThread();
        return new LeakScanner.Listener() {
            @Override
            public void found(Finding finding) {
                told.add("found " + finding + (Thread.currentThread() == caller ? "" : " on another thread"));
            }

            @Override
            public void scanned(String path, long bytes) {
                told.add("scanned " + path + " " + bytes + (Thread.currentThread() == caller ? "" : " on another thread"));
            }

            @Override
            public void skipped(String path, String why) {
                told.add("skipped " + path + " " + why + (Thread.currentThread() == caller ? "" : " on another thread"));
            }
        };
    }

    @Test
    void walksFoldersAndNamesEachFileWithLineAndColumn() throws IOException {
        String a = Keys.site();
        String b = Keys.user();
        write(temp.resolve("tree/conf/.env"), "X=1\nKEY=" + a + "\n");
        write(temp.resolve("tree/src/deep/er/settings.json"), "{\"k\": \"" + b + "\"}");
        List<Finding> found = scan(temp.resolve("tree").toString());
        assertThat(found).extracting(f -> temp.relativize(Path.of(f.path())).toString().replace('\\', '/'),
                        Finding::line, Finding::column)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("tree/conf/.env", 2L, 5L),
                        org.assertj.core.groups.Tuple.tuple("tree/src/deep/er/settings.json", 1L, 8L));
    }

    @Test
    void placesAKeyFarIntoALargeFileAndCountsTheBytesOfFilesWithAndWithoutKeys() throws IOException {
        String key = Keys.user();
        String line = "ordinary words and numbers 12345 kd_ noise, several read buffers of them\n";
        write(temp.resolve("tree/big.log"), line.repeat(3_000) + "key=" + key + "\n" + line.repeat(10));
        write(temp.resolve("tree/plain.txt"), line.repeat(2_000));
        List<Finding> found = new ArrayList<>();
        LeakScanner.Summary summary = new LeakScanner(LeakScanner.Options.plain(), () -> false)
                .scan(List.of(temp.resolve("tree").toString()), InputStream.nullInputStream(), found::add);
        assertThat(found).extracting(Finding::line, Finding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3_001L, 5L));
        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.bytes()).isEqualTo(Files.size(temp.resolve("tree/big.log")) + Files.size(temp.resolve("tree/plain.txt")));
    }

    @Test
    void aFindingShowsTheKeyOnlyMasked() throws IOException {
        String key = Keys.site();
        write(temp.resolve("f.txt"), key);
        Finding f = scan(temp.resolve("f.txt").toString()).getFirst();
        assertThat(f.masked()).startsWith(key.substring(0, 16)).endsWith(key.substring(key.length() - 4))
                .doesNotContain(Keys.secretOf(key).substring(0, 8));
        assertThat(f.toString()).doesNotContain(Keys.secretOf(key));
    }

    @Test
    void readsStandardInputForADash() {
        String key = Keys.user();
        List<Finding> found = scan(LeakScanner.Options.plain(),
                new ByteArrayInputStream(("line\n  " + key).getBytes(StandardCharsets.UTF_8)), "-");
        assertThat(found).extracting(Finding::path, Finding::line, Finding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("-", 2L, 3L));
    }

    @Test
    void followsNoSymbolicLinkNeitherToAFileNorToAFolder() throws IOException {
        String outside = Keys.site();
        write(temp.resolve("outside/secret.txt"), outside);
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("linked-folder"), temp.resolve("outside"));
        Files.createSymbolicLink(tree.resolve("linked-file.txt"), temp.resolve("outside/secret.txt"));
        List<Finding> found = new ArrayList<>();
        var summary = new LeakScanner(LeakScanner.Options.plain(), () -> false)
                .scan(List.of(tree.toString()), InputStream.nullInputStream(), found::add);
        assertThat(found).isEmpty();
        assertThat(summary.linksSkipped()).isEqualTo(2);
    }

    @Test
    void skipsBinaryFilesAndTheGitFolder() throws IOException {
        String key = Keys.site();
        Files.createDirectories(temp.resolve("t/.git"));
        Files.write(temp.resolve("t/image.bin"), ("\u0000\u0001" + key).getBytes(StandardCharsets.ISO_8859_1));
        write(temp.resolve("t/.git/COMMIT_EDITMSG"), key);
        List<Finding> found = new ArrayList<>();
        var summary = new LeakScanner(LeakScanner.Options.plain(), () -> false)
                .scan(List.of(temp.resolve("t").toString()), InputStream.nullInputStream(), found::add);
        assertThat(found).isEmpty();
        assertThat(summary.binarySkipped()).isEqualTo(1);
    }

    @Test
    void aMissingPathIsNotFound() {
        assertThatThrownBy(() -> scan(temp.resolve("nope").toString())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no file or folder");
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        write(temp.resolve("big.txt"), "x".repeat(200_000));
        assertThatThrownBy(() -> new LeakScanner(LeakScanner.Options.plain(), () -> true)
                .scan(List.of(temp.resolve("big.txt").toString()), InputStream.nullInputStream(), f -> { }))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void honoursGitignoreOnlyWhenAsked() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        git(repo, "init", "-q");
        write(repo.resolve(".gitignore"), "ignored/\n*.log\n");
        write(repo.resolve("ignored/a.txt"), Keys.site());
        write(repo.resolve("build.log"), Keys.site());
        write(repo.resolve("kept.txt"), Keys.user());
        assertThat(scan(repo.toString())).hasSize(3);
        List<Finding> respected = scan(new LeakScanner.Options(false, false, true), InputStream.nullInputStream(),
                repo.toString());
        assertThat(respected).extracting(f -> Path.of(f.path()).getFileName().toString()).containsExactly("kept.txt");
    }

    @Test
    void historyFindsAKeyCommittedThenDeletedAndNamesTheCommit() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        String key = Keys.site();
        git(repo, "init", "-q");
        write(repo.resolve("README"), "hello\n");
        git(repo, "add", "-A");
        commit(repo, "one");
        write(repo.resolve("src/old config.py"), "# settings\ntoken = \"" + key + "\"\n");
        git(repo, "add", "-A");
        commit(repo, "two");
        String introducing = gitOut(repo, "rev-parse", "HEAD").strip();
        git(repo, "rm", "-q", "src/old config.py");
        commit(repo, "three");

        assertThat(scan(repo.toString())).isEmpty();
        List<Finding> found = scan(new LeakScanner.Options(true, false, false), InputStream.nullInputStream(), repo.toString());
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("src/old config.py");
            assertThat(f.commit()).isEqualTo(introducing);
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.column()).isEqualTo(10);
            assertThat(f.key().reveal()).isEqualTo(key);
        });
    }

    @Test
    void stagedScansOnlyWhatIsStaged() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        git(repo, "init", "-q");
        write(repo.resolve("a.txt"), "nothing\n");
        git(repo, "add", "-A");
        commit(repo, "one");
        String staged = Keys.user();
        write(repo.resolve("a.txt"), "now: " + staged + "\n");
        git(repo, "add", "a.txt");
        write(repo.resolve("unstaged.txt"), Keys.site());
        List<Finding> found = scan(new LeakScanner.Options(false, true, false), InputStream.nullInputStream(), repo.toString());
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("a.txt");
            assertThat(f.staged()).isTrue();
            assertThat(f.key().reveal()).isEqualTo(staged);
        });
    }

    @Test
    void historyOutsideARepositoryIsRefusedWithASentence() {
        assertThatThrownBy(() -> scan(new LeakScanner.Options(true, false, false), InputStream.nullInputStream(),
                temp.toString())).isInstanceOf(ValidationException.class).hasMessageContaining("not inside");
    }

    static void git(Path dir, String... args) throws Exception {
        gitOut(dir, args);
    }

    static void commit(Path dir, String message) throws Exception {
        git(dir, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "-m", message);
    }

    static String gitOut(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
