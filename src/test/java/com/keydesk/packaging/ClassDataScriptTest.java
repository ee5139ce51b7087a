package com.keydesk.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * packaging/linux/class-data.sh dump, as the .deb's postinst runs it (as root in CI), on an image
 * laid out like the installed one whose {@code java} is the real JDK 25 behind a wrapper that
 * records each call. A local user could plant symbolic links in a world-writable temporary folder:
 * the script must use no name there, touch nothing outside its image, and leave nothing behind.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the .deb's install script: Linux only")
class ClassDataScriptTest {
    private static final Path SCRIPT = Path.of("packaging/linux/class-data.sh").toAbsolutePath();
    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final String CANARY_TEXT = "canary: nothing may write here\n";

    @TempDir
    Path temp;
    private Path image;
    private Path server;
    private Path tmp;
    private Path canary;
    private Path calls;

    @BeforeEach
    void installedImage() throws IOException {
        image = temp.resolve("opt/keydesk");
        Path app = Files.createDirectories(image.resolve("lib/app"));
        server = Files.createDirectories(image.resolve("lib/runtime/lib/server"));
        Path bin = Files.createDirectories(image.resolve("lib/runtime/bin"));
        try (OutputStream out = Files.newOutputStream(app.resolve("app.jar"));
             JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.flush();
        }
        // the launcher's .cfg as jpackage writes it; javac's main answers --version as KeyDesk's would
        Files.writeString(app.resolve("keydesk.cfg"), """
                [Application]
                app.classpath=$APPDIR/app.jar
                app.mainclass=com.sun.tools.javac.Main

                [JavaOptions]
                java-options=-Xmx64m
                """);
        // the window's launcher (Linux): its own options, and the archive it maps named by jpackage's token
        Files.writeString(app.resolve("keydesk-desktop.cfg"), """
                [Application]
                app.classpath=$APPDIR/app.jar
                app.mainclass=com.sun.tools.javac.Main

                [JavaOptions]
                java-options=-Djpackage.app-version=1.0.0
                java-options=-Xmx48m
                java-options=-XX:SharedArchiveFile=$ROOTDIR/lib/runtime/lib/server/desktop.jsa
                """);
        Files.copy(JDK.resolve("lib/classlist"), image.resolve("lib/runtime/lib/classlist"));
        // KeyDesk's list is tried first; without com.keydesk.cli.Cli in it the JDK's own list follows
        Files.copy(JDK.resolve("lib/classlist"), app.resolve("keydesk.classlist"));
        // the window's list: its main class must come from the archive made of it
        Files.writeString(app.resolve("keydesk-desktop.classlist"),
                Files.readString(JDK.resolve("lib/classlist")) + "com/sun/tools/javac/Main\n");
        calls = temp.resolve("java-calls.txt");
        javaWrapper(bin.resolve("java"), "exec '" + JDK.resolve("bin/java") + "' \"$@\"");

        tmp = Files.createDirectories(temp.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        canary = Files.writeString(Files.createDirectories(temp.resolve("outside")).resolve("canary.txt"), CANARY_TEXT);
    }

    @Test
    void aSymlinkAtEveryNameItCouldUseTouchesNothingOutsideAndNothingIsLeftBehind() throws Exception {
        // A first run shows which names the script and its JVMs use; the second finds a link at
        // each of them and at the names the JVM's log rotation would derive, in the temporary
        // folder and beside the archive, as well as at the names the old script used.
        Result first = dump();
        assertThat(first.exit).as(first.output).isZero();
        Set<String> names = new TreeSet<>(List.of("loaded", "loaded.0", "loaded.1", "log", "classes.jsa.new",
                "hsperfdata_root", "hsperfdata_" + System.getProperty("user.name")));
        for (Path used : pathsIn(Files.readString(calls))) {
            for (String suffix : new String[] {"", ".0", ".1", ".new"}) {
                names.add(used.getFileName() + suffix);
                if (used.getParent() != null) {
                    names.add(used.getParent().getFileName() + suffix);
                }
            }
        }
        Files.delete(server.resolve("classes.jsa"));
        Files.delete(server.resolve("desktop.jsa"));
        List<Path> planted = new ArrayList<>();
        for (String name : names) {
            for (Path folder : new Path[] {tmp, server}) {
                Path link = folder.resolve(name);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    planted.add(Files.createSymbolicLink(link, canary));
                }
            }
        }
        Set<Path> tmpBefore = listing(tmp);

        Result second = dump();

        assertThat(second.exit).as(second.output).isZero();
        assertThat(Files.readString(canary)).isEqualTo(CANARY_TEXT);
        assertThat(listing(tmp)).as("the temporary folder, as planted").isEqualTo(tmpBefore);
        // a link where an archive goes is replaced by the archive (mv renames over the link itself)
        planted.remove(server.resolve("classes.jsa"));
        planted.remove(server.resolve("desktop.jsa"));
        assertThat(planted).allSatisfy(link -> assertThat(Files.isSymbolicLink(link)).as("%s", link).isTrue());
        Set<Path> leftBeside = new TreeSet<>(listing(server));
        leftBeside.removeAll(planted);
        assertThat(leftBeside).as("beside the archives: only the archives")
                .containsExactly(server.resolve("classes.jsa"), server.resolve("desktop.jsa"));
        for (String archive : List.of("classes.jsa", "desktop.jsa")) {
            assertThat(Files.isSymbolicLink(server.resolve(archive))).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.resolve(archive))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void itsJvmsWorkInARootOnlyFolderWithoutPerfDataOrLogRotation() throws Exception {
        Result run = dump();

        assertThat(run.exit).as(run.output).isZero();
        String recorded = Files.readString(calls);
        List<String> invocations = List.of(recorded.split("--- call\n"));
        assertThat(invocations.stream().filter(s -> !s.isBlank())).isNotEmpty().allSatisfy(call -> {
            assertThat(call).contains("-XX:-UsePerfData").contains("-Djava.io.tmpdir=" + server.resolve("class-data."))
                    .contains("TMPDIR=" + server.resolve("class-data.")).contains("mode=700");
            assertThat(call).doesNotContain(tmp.toString());
        });
        assertThat(recorded).containsPattern("-Xlog:class\\+load:file=" + server.resolve("class-data.") + "[^\\n]*/loaded::filecount=0");
        assertThat(Files.exists(server.resolve("classes.jsa"))).isTrue();
        try (Stream<Path> left = Files.list(server)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("classes.jsa", "desktop.jsa");
        }
    }

    @Test
    void theWindowsArchiveIsMadeOfItsOwnListWithItsLaunchersOptions() throws Exception {
        Result run = dump();

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("class-data: made " + server.resolve("desktop.jsa"))
                .doesNotContain("the JDK's start-up classes");
        List<String> dumps = List.of(Files.readString(calls).split("--- call\n")).stream()
                .filter(call -> call.contains("-Xshare:dump")).toList();
        List<String> window = dumps.stream().filter(call -> call.contains("keydesk-desktop.classlist")).toList();
        // its launcher's heap cap, not the command line's; not the archive its .cfg names (the one being made)
        assertThat(window).singleElement().asString().contains("-Xmx48m").doesNotContain("-Xmx64m")
                .doesNotContain("$ROOTDIR").doesNotContain("-Djpackage.");
        assertThat(dumps.stream().filter(call -> !call.contains("keydesk-desktop.classlist")))
                .isNotEmpty().allSatisfy(call -> assertThat(call).contains("-Xmx64m").doesNotContain("-Xmx48m"));
        // a JVM that maps the window's archive takes the window's main class from it
        Process check = new ProcessBuilder(JDK.resolve("bin/java").toString(), "-Xmx48m", "-Xshare:on",
                "-XX:SharedArchiveFile=" + server.resolve("desktop.jsa"), "-Xlog:class+load",
                "-cp", image.resolve("lib/app/app.jar").toString(), "com.sun.tools.javac.Main", "--version")
                .redirectErrorStream(true).start();
        String loaded = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(loaded).contains("com.sun.tools.javac.Main source: shared objects file");
    }

    @Test
    void withoutTheWindowsListItsArchiveHoldsTheJdksStartUpClasses() throws Exception {
        Files.delete(image.resolve("lib/app/keydesk-desktop.classlist"));

        Result run = dump();

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("class-data: made " + server.resolve("desktop.jsa") + " of the JDK's start-up classes");
        assertThat(Files.readString(calls)).contains("-XX:SharedClassListFile=" + image.resolve("lib/runtime/lib/classlist"));
    }

    @Test
    void aFailureLeavesNothingBehindAndThePostinstCarriesOn() throws Exception {
        javaWrapper(image.resolve("lib/runtime/bin/java"), "echo 'simulated JVM failure' >&2; exit 1");

        Result run = dump();

        assertThat(run.exit).isNotZero();
        assertThat(run.output).contains("KeyDesk starts without one");
        assertThat(listing(tmp)).isEmpty();
        assertThat(listing(server)).isEmpty();
        // what the postinst runs: a failure there never fails the installation
        assertThat(Files.readString(Path.of("packaging/linux/postinst")))
                .contains("sh /opt/keydesk/lib/class-data.sh dump /opt/keydesk || true");
        assertThat(run.output).contains("the window's class-data archive; it starts without one");
        assertThat(Files.readString(Path.of("packaging/linux/prerm")))
                .contains("rm -rf /opt/keydesk/lib/runtime/lib/server/class-data.*")
                .contains("rm -f /opt/keydesk/lib/runtime/lib/server/desktop.jsa");
    }

    private record Result(int exit, String output) {
    }

    private Result dump() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString(), "dump", image.toString())
                .redirectErrorStream(true).directory(temp.toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** A {@code java} that records its temporary folder, that folder's mode and its arguments, then runs {@code body}. */
    private void javaWrapper(Path java, String body) throws IOException {
        Files.writeString(java, "#!/bin/sh\n"
                + "{ echo '--- call'; echo \"TMPDIR=${TMPDIR:-} mode=$(stat -c %a \"${TMPDIR:-/nonexistent}\" 2>/dev/null)\";"
                + " printf '%s\\n' \"$@\"; } >>'" + calls + "'\n"
                + body + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Every absolute path named in the recorded calls (after "=", in "-Xlog:...file=PATH::..." too). */
    private static List<Path> pathsIn(String recorded) {
        List<Path> paths = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("(/[^\\s:=]+)").matcher(recorded);
        while (matcher.find()) {
            paths.add(Path.of(matcher.group(1)));
        }
        return paths;
    }

    private static Set<Path> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return new TreeSet<>(entries.toList());
        }
    }
}
