package com.keydesk.cli;

import java.util.List;

/** Routes the command word(s) to their handler. */
final class Commands {
    private Commands() {
    }

    static void dispatch(Context ctx, List<String> words) {
        String group = words.getFirst();
        List<String> rest = words.subList(1, words.size());
        switch (group) {
            case "init" -> SetupCommands.init(ctx, rest);
            case "passwd" -> SetupCommands.changePassword(ctx, rest);
            case "backup" -> BackupCommands.backup(ctx, rest);
            case "restore" -> BackupCommands.restore(ctx, rest);
            case "keys" -> KeyCommands.run(ctx, sub(rest, "keys"), rest.subList(1, rest.size()));
            case "users" -> UserCommands.run(ctx, sub(rest, "users"), rest.subList(1, rest.size()));
            case "settings" -> SetupCommands.settings(ctx, sub(rest, "settings"), rest.subList(1, rest.size()));
            case "audit" -> SetupCommands.audit(ctx, sub(rest, "audit"), rest.subList(1, rest.size()));
            default -> throw new UsageException("Unknown command \"" + com.keydesk.domain.Texts.printable(group)
                    + "\". Run 'keydesk help' for the list.");
        }
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
