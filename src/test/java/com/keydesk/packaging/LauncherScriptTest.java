package com.keydesk.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * packaging/linux/launcher.sh, KeyDesk's launcher on Linux (bin/keydesk, bin/keydesk-desktop,
 * bin/keydesk-serve), on an image laid out like the installed one whose {@code java} only writes
 * down what it was given: its arguments, NUL-separated, on stdout; its process id, JDK_JAVA_OPTIONS
 * and its standard input on stderr; then it exits with 7.
 * <p>
 * The arguments expected are those jpackage's own launcher (JDK 25) gives the JVM for the same
 * .cfg: checked by hand against it on the same hostile values (docs/PERFORMANCE.md, "jpackage's
 * launcher and the package manager"); the class-data archives made at install time map only if
 * the JVM is started the same way, which packaging/linux/smoke-test.sh checks on the real package.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the Linux package's launcher")
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("packaging/linux/launcher.sh").toAbsolutePath();
    private static final String CFG_HEAD = """
            [Application]
            app.classpath=$APPDIR/keydesk-1.0.0.jar
            app.mainclass=com.keydesk.app.Main
            app.classpath=$APPDIR/h2 2.5.jar

            [JavaOptions]
            java-options=-Djpackage.app-version=1.0.0
            java-options=-Xmx144m
            """;

    @TempDir
    Path temp;
    private Path image;
    private Path app;
    private Path java;
    private Path work;

    @BeforeEach
    void installedImage() throws IOException {
        // a space in the install folder: every path must stay one argument
        image = temp.resolve("opt dir/keydesk");
        app = Files.createDirectories(image.resolve("lib/app"));
        Files.createDirectories(image.resolve("bin"));
        for (String name : List.of("keydesk", "keydesk-serve")) {
            Path launcher = Files.copy(SCRIPT, image.resolve("bin/" + name));
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(app.resolve("keydesk.cfg"), CFG_HEAD
                + "java-options=-XX:SharedArchiveFile=$ROOTDIR/lib/runtime/lib/server/desktop.jsa\n");
        java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                printf '%s\\0' "$@"
                printf 'pid=%s\\n' "$$" >&2
                printf 'process=%s\\n' "$(cat /proc/$$/comm)" >&2
                printf 'JDK_JAVA_OPTIONS=%s\\n' "${JDK_JAVA_OPTIONS-unset}" >&2
                cat >&2
                exit 7
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the current folder of every run: a file here would show a glob (*) that the shell expanded
        work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("a-file-a-glob-would-find"), "");
    }

    @Test
    void startsTheJvmAsJpackagesLauncherDidWithThePersonsArgumentsBehind() throws Exception {
        Run run = run(image.resolve("bin/keydesk"), "keys", "list", "--json");

        assertThat(run.exit).as(run.stderr).isEqualTo(7);
        assertThat(run.args).containsExactly(
                "--disable-@files",
                "-classpath", app + "/keydesk-1.0.0.jar:" + app + "/h2 2.5.jar",
                "-Djpackage.app-version=1.0.0",
                "-Xmx144m",
                "-XX:SharedArchiveFile=" + image + "/lib/runtime/lib/server/desktop.jsa",
                "-Djpackage.app-path=" + image.resolve("bin/keydesk"),
                "com.keydesk.app.Main",
                "keys", "list", "--json");
    }

    @Test
    void theJvmRunsUnderTheLaunchersNameWhereTheRuntimeHasALinkOfThatName() throws Exception {
        Path bin = image.resolve("lib/runtime/bin");
        assertThat(processName(image.resolve("bin/keydesk"))).isEqualTo("java");   // no link: java's own name
        Files.createSymbolicLink(bin.resolve("keydesk"), Path.of("java"));   // as the app-image build makes it
        Path link = Files.createSymbolicLink(temp.resolve("kd"), image.resolve("bin/keydesk"));

        assertThat(processName(image.resolve("bin/keydesk"))).isEqualTo("keydesk");
        assertThat(processName(link)).isEqualTo("keydesk");
    }

    private String processName(Path launcher) throws Exception {
        Path err = temp.resolve("name.txt");
        Process process = new ProcessBuilder(launcher.toString(), "--version").directory(work.toFile())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return Files.readString(err).lines().filter(line -> line.startsWith("process=")).findFirst().orElseThrow()
                .substring("process=".length());
    }

    @Test
    void eachNameReadsItsOwnCfg() throws Exception {
        Files.writeString(app.resolve("keydesk-serve.cfg"), """
                [Application]
                app.classpath=$APPDIR/keydesk-1.0.0.jar
                app.mainclass=com.keydesk.app.ServeMain
                [JavaOptions]
                java-options=-Xmx48m
                """);

        Run run = run(image.resolve("bin/keydesk-serve"), "--listen", "127.0.0.1:8080");

        assertThat(run.args).containsExactly("--disable-@files", "-classpath", app + "/keydesk-1.0.0.jar", "-Xmx48m",
                "-Djpackage.app-path=" + image.resolve("bin/keydesk-serve"), "com.keydesk.app.ServeMain",
                "--listen", "127.0.0.1:8080");
    }

    @Test
    void aSymbolicLinkElsewhereFindsTheImage() throws Exception {
        Path links = Files.createDirectories(temp.resolve("usr/local/bin"));
        Path link = Files.createSymbolicLink(links.resolve("keydesk"), image.resolve("bin/keydesk"));
        // a link to the link, relative, as a person might make one
        Path second = Files.createSymbolicLink(temp.resolve("kd"), temp.relativize(link));

        for (Path launcher : List.of(link, second)) {
            Run run = run(launcher, "--version");

            assertThat(run.exit).as(run.stderr).isEqualTo(7);
            assertThat(run.args).contains("-classpath", app + "/keydesk-1.0.0.jar:" + app + "/h2 2.5.jar")
                    .contains("-Djpackage.app-path=" + image.resolve("bin/keydesk"))
                    .endsWith("com.keydesk.app.Main", "--version");
        }
    }

    @Test
    void thePersonsArgumentsPassUntouchedAndNoneRuns() throws Exception {
        Path canary = temp.resolve("canary");
        List<String> hostile = List.of("a b", "", "$(touch " + canary + ")", "`touch " + canary + "`",
                "*", "\"q\"", "'q'", "--x=$HOME", "${HOME}", "\\", "two\nlines", "; touch " + canary,
                "@" + work.resolve("a-file-a-glob-would-find"), "-Xmx1m", "  padded  ");

        Run run = run(image.resolve("bin/keydesk"), hostile.toArray(String[]::new));

        assertThat(run.args.subList(run.args.indexOf("com.keydesk.app.Main") + 1, run.args.size()))
                .containsExactlyElementsOf(hostile);
        assertThat(canary).doesNotExist();
    }

    @Test
    void standardInputTheExitCodeAndTheProcessPassThroughAndJdkJavaOptionsIsNotRead() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/keydesk").toString(), "keys", "verify")
                .directory(work.toFile());
        builder.environment().put("JDK_JAVA_OPTIONS", "-Xmx1m");
        Process process = builder.start();
        process.getOutputStream().write("kds_secret_from_stdin\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(7);
        // exec: the JVM is the launcher's own process, so a signal sent to it (keydesk serve's SIGTERM) reaches the JVM
        assertThat(stderr).contains("pid=" + process.pid() + "\n")
                .contains("JDK_JAVA_OPTIONS=unset\n")
                .endsWith("kds_secret_from_stdin\n");
    }

    @Test
    void theCfgIsReadAtEveryStartAndItsValuesAreDataWithJpackagesTokens() throws Exception {
        Path canary = temp.resolve("canary");
        Files.writeString(app.resolve("keydesk.cfg"), CFG_HEAD.replace("-Xmx144m", "-Xmx512m") + """
                java-options=-Dt.tokens=$APPDIR|${BINDIR}|$ROOTDIR|${ROOTDIR}x|$ROOTDIRx
                java-options=-Dt.environment=$HOME|${HOME}|\\$HOME|\\\\$HOME|\\\\\\$HOME|$$HOME|$
                java-options=-Dt.unset=$KEYDESK_TEST_UNSET|${KEYDESK TEST}|${}|${open|$1x|\\x|tail\\
                java-options=-Dt.code=$(touch %1$s)`touch %1$s`; touch %1$s * "q" 'q' ${IFS}
                java-options=-Dt.value=$KEYDESK_TEST_VALUE
                java-options=-Dt.equals=a=b=c
                java-options=  spaces kept \s
                """.formatted(canary));
        String home = "/home/some one";
        Run run = run(image.resolve("bin/keydesk"),
                Map.of("HOME", home, "KEYDESK_TEST_VALUE", "$(touch " + canary + ") $HOME * ${APPDIR}\n\n"), List.of());

        String bin = image.resolve("bin").toString();
        assertThat(run.args).contains("-Xmx512m").doesNotContain("-Xmx144m").containsSubsequence(
                "-Dt.tokens=" + app + "|" + bin + "|" + image + "|" + image + "x|$ROOTDIRx",
                "-Dt.environment=" + home + "|" + home + "|$HOME|\\" + home + "|\\$HOME|$" + home + "|$",
                "-Dt.unset=$KEYDESK_TEST_UNSET|${KEYDESK TEST}|${}|${open|$1x|\\x|tail\\",
                ("-Dt.code=$(touch %1$s)`touch %1$s`; touch %1$s * \"q\" 'q' ${IFS}").formatted(canary),
                // a variable's value goes in as it is, trailing newlines too, and is not read again
                "-Dt.value=$(touch " + canary + ") $HOME * ${APPDIR}\n\n",
                "-Dt.equals=a=b=c",
                "  spaces kept  ",
                "-Djpackage.app-path=" + image.resolve("bin/keydesk"));
        assertThat(canary).doesNotExist();
    }

    @Test
    void aSectionGivenTwiceCountsInItsLastOccurrenceAsForJpackagesLauncher() throws Exception {
        Files.writeString(app.resolve("keydesk.cfg"), CFG_HEAD + """
                [Other]
                java-options=-Dt.other=never
                ; a person's addition at the end, as its own section
                [JavaOptions]
                java-options=-Xmx512m
                ; a section with no property jpackage knows replaces nothing
                [JavaOptions]
                not.a.property=-Xmx1m
                [Application]
                ; only a comment
                """);

        Run run = run(image.resolve("bin/keydesk"), "--version");

        assertThat(run.args).containsExactly("--disable-@files",
                "-classpath", app + "/keydesk-1.0.0.jar:" + app + "/h2 2.5.jar", "-Xmx512m",
                "-Djpackage.app-path=" + image.resolve("bin/keydesk"), "com.keydesk.app.Main", "--version");
    }

    @Test
    void aMissingOrUnreadableCfgOrRuntimeIsOneSentenceAndANonZeroExit() throws Exception {
        Files.delete(app.resolve("keydesk.cfg"));
        assertFailsWith(run(image.resolve("bin/keydesk"), "--version"),
                "keydesk: cannot read " + app.resolve("keydesk.cfg") + ", the settings of keydesk; reinstall KeyDesk.");

        // root reads any file, so a folder in its place stands for one that cannot be read
        Files.createDirectory(app.resolve("keydesk.cfg"));
        assertFailsWith(run(image.resolve("bin/keydesk"), "--version"),
                "keydesk: cannot read " + app.resolve("keydesk.cfg") + ", the settings of keydesk; reinstall KeyDesk.");
        Files.delete(app.resolve("keydesk.cfg"));

        Files.writeString(app.resolve("keydesk.cfg"), CFG_HEAD);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rw-r--r--"));
        assertFailsWith(run(image.resolve("bin/keydesk"), "--version"),
                "keydesk: cannot run " + java + ", the Java runtime of KeyDesk; reinstall KeyDesk.");
        Files.delete(java);
        assertFailsWith(run(image.resolve("bin/keydesk"), "--version"),
                "keydesk: cannot run " + java + ", the Java runtime of KeyDesk; reinstall KeyDesk.");
    }

    @Test
    void whatJpackagesLauncherTookAndThisOneDoesNotIsRefusedNotIgnored() throws Exception {
        for (String line : List.of("[ArgOptions]\narguments=--version\n", "[Application]\napp.splash=$APPDIR/splash.png\n")) {
            Files.writeString(app.resolve("keydesk.cfg"), CFG_HEAD + line);

            Run run = run(image.resolve("bin/keydesk"));

            assertThat(run.exit).isEqualTo(1);
            assertThat(run.args).isEmpty();
            assertThat(run.stderr).startsWith("keydesk: " + app.resolve("keydesk.cfg") + ", the settings of keydesk, sets ")
                    .contains("which KeyDesk's launcher does not take").hasLineCount(1);
        }
    }

    private static void assertFailsWith(Run run, String sentence) {
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.args).isEmpty();
        assertThat(run.stderr).isEqualTo(sentence + "\n");
    }

    private record Run(int exit, List<String> args, String stderr) {
    }

    private Run run(Path launcher, String... args) throws Exception {
        return run(launcher, Map.of(), List.of(args));
    }

    private Run run(Path launcher, Map<String, String> environment, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path err = temp.resolve("stderr.txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        // the fake java's own lines are not the launcher's
        String launcherStderr = stderr.lines().filter(line -> !line.startsWith("pid=") && !line.startsWith("JDK_JAVA_OPTIONS=")
                && !line.startsWith("process="))
                .map(line -> line + "\n").reduce("", String::concat);
        List<String> parsed = out.isEmpty() ? List.of() : List.of(out.substring(0, out.length() - 1).split("\0", -1));
        return new Run(process.exitValue(), parsed, launcherStderr);
    }
}
