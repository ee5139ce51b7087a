package com.keydesk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process against one store folder, as a script would. */
public final class CliHarness {
    public record Result(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Clock clock;

    public CliHarness(Path folder, Clock clock) {
        env.put("KEYDESK_HOME", folder.toString());
        env.put("KEYDESK_WITNESS_DIR", folder.resolveSibling(folder.getFileName() + "-witness").toString());
        this.clock = clock;
    }

    public CliHarness as(String user, String password) {
        env.put("KEYDESK_USER", user);
        env.put("KEYDESK_PASSWORD", password);
        return this;
    }

    /** Commands go to this team store (KEYDESK_STORE) instead of the local folder. */
    public CliHarness onTeamStore(String url) {
        env.put("KEYDESK_STORE", url);
        return this;
    }

    /** Another installation: its own witness memory. */
    public CliHarness withWitness(Path folder) {
        env.put("KEYDESK_WITNESS_DIR", folder.toString());
        return this;
    }

    public CliHarness anonymous() {
        env.remove("KEYDESK_USER");
        env.remove("KEYDESK_PASSWORD");
        return this;
    }

    public Result withStdin(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(env), clock);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public Result run(String... args) {
        return withStdin("", args);
    }
}
