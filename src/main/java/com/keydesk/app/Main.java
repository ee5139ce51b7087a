package com.keydesk.app;

import com.keydesk.cli.Cli;

/**
 * The one entry point of keydesk.jar. No command word (global options allowed): the desktop app.
 * A command word: the command line. Deliberately not a JavaFX Application: with JavaFX on the
 * class path, a main class that extends Application will not start from a plain jar.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        QuietLogging.install();
        if (Cli.hasCommandWord(args)) {
            System.exit(Cli.run(args, System.in, System.out, System.err, System.getenv()));
        }
        prepareDesktopProcess();
        DesktopLauncher.launch(args);
    }

    /**
     * What the desktop's process does before JavaFX starts; public for the benchmarks, which start
     * the desktop their own way and must measure it as shipped.
     */
    public static void prepareDesktopProcess() {
        // no GPU: JavaFX's own software drawing, without Mesa's (about 48 MB) doing the same. First,
        // while no thread of KeyDesk's runs: it may set an environment variable (setenv is not safe
        // beside another thread's getenv)
        SoftwareRendering.chooseBeforeToolkitStarts();
        // sign-in's Argon2id block (19 MiB) given back once hashed, not kept for the whole session
        MallocArenas.returnLargeBlocksSoon();
    }
}
