package com.keydesk.testing;

import com.keydesk.cli.Cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process for the team-store tests: {@link MixedChanges} carried out by KeyDesk's command
 * line, each change one whole command (parse, open the store named by KEYDESK_STORE, sign in as
 * KEYDESK_USER, change, close), run one after another in this JVM so that hundreds of commands do
 * not each pay for a JVM start. Arguments: tag, number of changes, seed. Reports on stdout.
 */
public final class CliWorkload {
    private static final Pattern ID = Pattern.compile("\"id\": (\\d+)");
    private static final Pattern KEY = Pattern.compile("\"key\": \"(kd[su]_\\w+)\"");

    private CliWorkload() {
    }

    public static void main(String[] args) {
        com.keydesk.app.QuietLogging.install();
        PrintStream report = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        new MixedChanges(args[0], Long.parseLong(args[2]), report).run(Integer.parseInt(args[1]), CliWorkload::run);
        System.exit(0);
    }

    private static MixedChanges.Result run(String op, String subject) {
        return switch (op) {
            case MixedChanges.CREATE -> created(cli("", "keys", "create", "--site", "--name", subject, "--json"));
            case MixedChanges.DISABLE -> cli("", "keys", "disable", subject);
            case MixedChanges.ENABLE -> cli("", "keys", "enable", subject);
            case MixedChanges.REVOKE -> cli("", "keys", "revoke", subject);
            case MixedChanges.ADD_USER -> cli(subject + " password 123\n", "users", "add", subject);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static MixedChanges.Result created(MixedChanges.Result printed) {
        if (printed.exit() != 0) {
            return printed;
        }
        Matcher id = ID.matcher(printed.created());
        Matcher key = KEY.matcher(printed.created());
        if (!id.find() || !key.find()) {
            return new MixedChanges.Result(-2, null, "exit 0 but no key printed: " + printed.created());
        }
        return MixedChanges.Result.ok(id.group(1) + " " + key.group(1));
    }

    /** One command, as `keydesk ARGS` runs it: its exit code, stdout (in "created") and stderr. */
    private static MixedChanges.Result cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        Map<String, String> env = System.getenv();
        int exit = Cli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new MixedChanges.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
