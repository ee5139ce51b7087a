package com.keydesk.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The app image the installer packs (target/installer-work/image/keydesk): its launcher, its
 * runtime, and what a launcher's configuration (lib/app/keydesk.cfg, or keydesk-serve.cfg for
 * {@link #server()}, keydesk-desktop.cfg for {@link #desktop()}) gives the JVM.
 */
record AppImage(Path root, List<String> classPath, List<String> javaOptions) {

    static AppImage at(Path root) throws IOException {
        return at(root, "keydesk");
    }

    /** The same image as its keydesk-serve launcher starts it: the server's JVM options. */
    AppImage server() throws IOException {
        return at(root, "keydesk-serve");
    }

    /**
     * The same image as the menu entry starts the window: on Linux its keydesk-desktop launcher (the
     * window's own class-data archive), elsewhere the main launcher, which is the window's there.
     */
    AppImage desktop() throws IOException {
        return Files.isRegularFile(root.resolve("lib/app/keydesk-desktop.cfg")) ? at(root, "keydesk-desktop") : this;
    }

    /** The image as its launcher named {@code launcher} starts it (lib/app/LAUNCHER.cfg). */
    static AppImage at(Path root, String launcher) throws IOException {
        Path cfg = root.resolve("lib/app/" + launcher + ".cfg");
        if (!Files.isRegularFile(cfg)) {
            throw new IOException("No app image at " + root + "; build it with ./mvnw -Pbench verify (or -Pinstaller package).");
        }
        Path appDir = root.resolve("lib/app").toAbsolutePath();
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            // jpackage's tokens: $APPDIR is lib/app, $ROOTDIR the image itself (the desktop's archive is named by it)
            String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", appDir.toString())
                    .replace("$ROOTDIR", root.toAbsolutePath().toString());
            if (line.startsWith("app.classpath=")) {
                classPath.add(value);
            } else if (line.startsWith("java-options=")) {
                options.add(value);
            }
        }
        return new AppImage(root.toAbsolutePath(), List.copyOf(classPath), List.copyOf(options));
    }

    Path launcher() {
        return root.resolve("bin/keydesk");
    }

    /** What the menu entry starts: bin/keydesk-desktop where there is one (Linux), else bin/keydesk. */
    Path desktopLauncher() {
        Path desktop = root.resolve("bin/keydesk-desktop");
        return Files.isExecutable(desktop) ? desktop : launcher();
    }

    Path java() {
        return root.resolve("lib/runtime/bin/java");
    }

    /**
     * A command that runs {@code mainClass} in the app's own runtime, with the launcher's JVM
     * options and class path plus {@code extraClassPath}: the app as the launcher starts it, driven
     * by a measuring class that the installed app does not contain.
     */
    List<String> javaCommand(String extraClassPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath) + java.io.File.pathSeparator + extraClassPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
