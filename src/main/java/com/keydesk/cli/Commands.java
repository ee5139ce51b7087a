package com.keydesk.cli;

import java.util.List;

/** Routes the command word(s) to their handler. */
final class Commands {
    private Commands() {
    }

    /** Runs the command; returns its exit code when it ends normally (failures are thrown). */
    static int dispatch(Context ctx, List<String> words) {
        String group = words.getFirst();
        List<String> rest = words.subList(1, words.size());
        if (group.equals("scan")) {
            return ScanCommand.run(ctx, rest);
        }
        if (group.equals("serve")) {
            return serve(ctx, rest);
        }
        switch (group) {
            case "init" -> SetupCommands.init(ctx, rest);
            case "passwd" -> SetupCommands.changePassword(ctx, rest);
            case "backup" -> BackupCommands.backup(ctx, rest);
            case "restore" -> BackupCommands.restore(ctx, rest);
            case "demo-data" -> demoData(ctx, rest);
            case "keys" -> KeyCommands.run(ctx, sub(rest, "keys"), rest.subList(1, rest.size()));
            case "users" -> UserCommands.run(ctx, sub(rest, "users"), rest.subList(1, rest.size()));
            case "settings" -> SetupCommands.settings(ctx, sub(rest, "settings"), rest.subList(1, rest.size()));
            case "audit" -> AuditCommands.run(ctx, sub(rest, "audit"), rest.subList(1, rest.size()));
            default -> throw new UsageException("Unknown command \"" + com.keydesk.domain.Texts.printable(group)
                    + "\". Run 'keydesk help' for the list.");
        }
        return ExitCode.OK;
    }

    private static int serve(Context ctx, List<String> rest) {
        try {
            return ServeCommand.run(ctx, rest);
        } catch (RuntimeException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new com.keydesk.domain.ValidationException("listen", "Could not listen there: " + e.getMessage() + ".");
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start", e);
        }
    }

    /** Fills a store made for demos and benchmarks; refuses a store with real keys. */
    private static void demoData(Context ctx, List<String> words) {
        Args args = Args.parse(words, java.util.Set.of("--keys", "--users"), java.util.Set.of());
        args.positional(0, "demo-data --keys N [--users N]");
        int keys = count(args.required("--keys", "N"));
        int users = args.has("--users") ? count(args.option("--users")) : Math.max(1, keys / 100);
        var added = ctx.services().demoData().fill(ctx.signIn(), keys, users);
        ctx.err.println("Added " + added.users() + " demo users and " + added.keys()
                + " demo keys (cheap filler hashes; their secrets were never kept).");
    }

    private static int count(String text) {
        if (!text.matches("[0-9]{1,7}")) {
            throw new com.keydesk.domain.ValidationException("count", "A count is a whole number from 0 to 1000000.");
        }
        return Integer.parseInt(text);
    }

    private static String sub(List<String> rest, String group) {
        if (rest.isEmpty()) {
            throw new UsageException("'" + group + "' needs a subcommand. Run 'keydesk help' for the list.");
        }
        return rest.getFirst();
    }

    static UsageException unknown(String group, String sub) {
        return new UsageException("Unknown command '" + group + " " + com.keydesk.domain.Texts.printable(sub)
                + "'. Run 'keydesk help' for the list.");
    }
}
