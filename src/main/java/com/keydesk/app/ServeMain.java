package com.keydesk.app;

import com.keydesk.cli.Cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of the installed {@code keydesk-serve} launcher: {@code keydesk serve} in a JVM
 * set up for a server (packaging/common/serve-jvm-options.txt: the C2 compiler the desktop's
 * launcher leaves out, a heap sized for requests rather than tables). A launcher's default
 * arguments are dropped as soon as a person gives any, so the command word cannot live there:
 * it is put here, after the global options ({@code --store}, {@code --data}, {@code --user}) and
 * before the rest, which is where {@code keydesk} expects them.
 */
public final class ServeMain {
    private ServeMain() {
    }

    public static void main(String[] args) {
        MallocArenas.cap(2);
        QuietLogging.install();
        System.exit(Cli.run(withServe(args), System.in, System.out, System.err, System.getenv()));
    }

    /** {@code --store URL --listen A} becomes {@code --store URL serve --listen A}. */
    static String[] withServe(String[] args) {
        List<String> out = new ArrayList<>(args.length + 1);
        int i = 0;
        while (i < args.length && Cli.isGlobalOption(args[i]) && i + 1 < args.length) {
            out.add(args[i]);
            out.add(args[i + 1]);
            i += 2;
        }
        out.add("serve");
        out.addAll(Arrays.asList(args).subList(i, args.length));
        return out.toArray(String[]::new);
    }
}
