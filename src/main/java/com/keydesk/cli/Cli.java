package com.keydesk.cli;

import com.keydesk.domain.KeyDeskException;
import com.keydesk.domain.StorePlace;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: a thin layer over the services. Each failure is one sentence on stderr and
 * an exit code from {@link ExitCode}; never a stack trace (unless KEYDESK_DEBUG is set).
 */
public final class Cli {
    static final Set<String> GLOBAL_VALUED = Set.of("--data", "--store", "--user");
    static final String VERSION = versionText();

    private Cli() {
    }

    /** True for an option given before the command word that takes a value ({@code --data}, {@code --store}, {@code --user}). */
    public static boolean isGlobalOption(String arg) {
        return GLOBAL_VALUED.contains(arg);
    }

    /** True when the arguments hold a command word after the global options (else: start the desktop app). */
    public static boolean hasCommandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (GLOBAL_VALUED.contains(args[i])) {
                i++;
            } else if (joinedGlobal(args[i]) == null) {
                return true;
            }
        }
        return false;
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, in, out, err, env, Clock.systemUTC());
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        String data = null;
        String store = null;
        String user = env.get("KEYDESK_USER");
        List<String> words = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String joined = words.isEmpty() ? joinedGlobal(args[i]) : null;
                if (joined != null) {
                    String value = args[i].substring(joined.length() + 1);
                    switch (joined) {
                        case "--data" -> data = value;
                        case "--store" -> store = value;
                        default -> user = value;
                    }
                } else if (words.isEmpty() && GLOBAL_VALUED.contains(args[i])) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a value.");
                    }
                    String value = args[++i];
                    if (args[i - 1].equals("--data")) {
                        data = value;
                    } else if (args[i - 1].equals("--store")) {
                        store = value;
                    } else {
                        user = value;
                    }
                } else {
                    words.add(args[i]);
                }
            }
            if (words.isEmpty() || words.getFirst().equals("help") || words.getFirst().equals("--help")) {
                out.print(Help.TEXT);
                return words.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
            }
            if (words.getFirst().equals("--version") || words.getFirst().equals("version")) {
                out.println("KeyDesk " + VERSION);
                return ExitCode.OK;
            }
            if (data != null && store != null) {
                throw new UsageException("Give either --store (a team store) or --data (a local store folder), not both.");
            }
            StoreAccess stores = StoreAccess.installed();
            StorePlace address = stores.resolve(store, data, env);
            withoutH2ValueCache();
            try (Context ctx = new Context(stores, address, user, env, in, out, err, clock)) {
                return Commands.dispatch(ctx, words);
            }
        } catch (KeyDeskException e) {
            err.println("keydesk: " + e.getMessage());
            debug(env, err, e);
            return ExitCode.of(e);
        } catch (RuntimeException e) {
            err.println("keydesk: unexpected error (" + e.getClass().getSimpleName()
                    + "). Set KEYDESK_DEBUG=1 to see the details.");
            debug(env, err, e);
            return ExitCode.INTERNAL_ERROR;
        } finally {
            out.flush();
        }
    }

    /** The option of {@code --data=DIR}, {@code --store=URL} or {@code --user=NAME}; null for any other word. */
    private static String joinedGlobal(String arg) {
        int equals = arg.indexOf('=');
        return equals > 0 && GLOBAL_VALUED.contains(arg.substring(0, equals)) ? arg.substring(0, equals) : null;
    }

    /**
     * H2 looks every value it reads up in a shared cache, hashing each string, so that a result
     * kept in memory holds one copy of repeated values. A command writes each row out and lets it
     * go, so here the cache only costs: listing 100,000 keys took 6% less time without it. It must
     * be set before H2's classes load (the desktop app keeps it: its tables do hold their rows);
     * a value given with -D wins.
     */
    private static void withoutH2ValueCache() {
        System.getProperties().putIfAbsent("h2.objectCache", "false");
    }

    private static void debug(Map<String, String> env, PrintStream err, Throwable e) {
        if (env.get("KEYDESK_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    /** From a resource Maven fills in at build time, so the version has one source: the pom. */
    private static String versionText() {
        try (var in = Cli.class.getResourceAsStream("/keydesk/version.properties")) {
            var props = new java.util.Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "development");
        } catch (java.io.IOException e) {
            return "development";
        }
    }
}
