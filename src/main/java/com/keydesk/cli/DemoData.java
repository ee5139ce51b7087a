package com.keydesk.cli;

import com.keydesk.domain.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo-data}: fills a store made for demos and benchmarks; refuses a store with real keys. */
@Command(name = "demo-data", description = "Fill a store made for demos and benchmarks (refuses real keys).")
final class DemoData implements CliCommand {
    @Option(names = "--keys", paramLabel = "N", description = "How many demo keys (up to 1000000). Their secrets are"
            + " never kept: no demo key can authenticate.")
    String keys;

    @Option(names = "--users", paramLabel = "N", description = "How many demo users (default: one per 100 keys).")
    String users;

    @Override
    public String usage() {
        return "demo-data --keys N [--users N]";
    }

    @Override
    public int run(Context ctx) {
        int keyCount = count(CliCommand.required(keys, "--keys", "N"));
        int userCount = users != null ? count(users) : Math.max(1, keyCount / 100);
        var added = ctx.services().demoData().fill(ctx.signIn(), keyCount, userCount);
        ctx.err.println("Added " + added.users() + " demo users and " + added.keys()
                + " demo keys (their secrets were never kept: none can authenticate).");
        return ExitCode.OK;
    }

    private static int count(String text) {
        if (!text.matches("[0-9]{1,7}")) {
            throw new ValidationException("count", "A count is a whole number from 0 to 1000000.");
        }
        return Integer.parseInt(text);
    }
}
