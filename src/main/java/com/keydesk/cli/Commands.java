package com.keydesk.cli;

import com.keydesk.domain.Texts;
import com.keydesk.domain.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Routes the words to their command, declared with picocli. Only the command word's own tree is
 * built (picocli reads each command's annotations by reflection, and a command needs only its
 * own), and picocli's own messages are put in KeyDesk's sentences so that scripts see the
 * same messages and exit codes as before.
 */
final class Commands {
    /** The command words, in the order the help and the completion show them. */
    static final Map<String, Supplier<Object>> TOP = top();
    /** The command words that are groups, with their subcommands. */
    static final Map<String, Map<String, Supplier<Object>>> GROUPS = Map.of(
            "keys", KeyCommands.SUBCOMMANDS, "users", UserCommands.SUBCOMMANDS,
            "settings", SetupCommands.SETTINGS_SUBCOMMANDS, "audit", AuditCommands.SUBCOMMANDS);

    private Commands() {
    }

    private static Map<String, Supplier<Object>> top() {
        Map<String, Supplier<Object>> top = new LinkedHashMap<>();
        top.put("init", SetupCommands.Init::new);
        top.put("passwd", SetupCommands.Passwd::new);
        top.put("users", UserCommands.Group::new);
        top.put("settings", SetupCommands.Settings::new);
        top.put("keys", KeyCommands.Group::new);
        top.put("audit", AuditCommands.Group::new);
        top.put("backup", BackupCommands.Backup::new);
        top.put("restore", BackupCommands.Restore::new);
        top.put("demo-data", DemoData::new);
        top.put("scan", ScanCommand::new);
        top.put("serve", ServeCommand::new);
        return top;
    }

    /** A group's subcommands by name, in the order the help and the completion show them. */
    static final class Named {
        private final Map<String, Supplier<Object>> named = new LinkedHashMap<>();

        Named add(String name, Supplier<Object> command) {
            named.put(name, command);
            return this;
        }

        Map<String, Supplier<Object>> map() {
            return java.util.Collections.unmodifiableMap(named);
        }
    }

    /** Runs the command; returns its exit code when it ends normally (failures are thrown). */
    static int dispatch(Context ctx, List<String> words) {
        String group = words.getFirst();
        Supplier<Object> command = TOP.get(group);
        if (command == null) {
            throw new UsageException("Unknown command \"" + Texts.printable(group)
                    + "\". Run 'keydesk help' for the list." + Suggestions.line(group, TOP.keySet()));
        }
        ParseResult parsed = parse(words);
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            if (leaf.isUsageHelpRequested()) {
                leaf.commandSpec().commandLine().usage(ctx.out);
                return ExitCode.OK;
            }
        }
        if (!(leaf.commandSpec().userObject() instanceof CliCommand cliCommand)) {
            String name = leaf.commandSpec().qualifiedName(" ").substring("keydesk ".length());
            throw new UsageException("'" + name + "' needs a subcommand. Run 'keydesk help' for the list.");
        }
        rejectRepeatedValues(leaf);
        return run(ctx, cliCommand);
    }

    /**
     * Parses strictly; KeyDesk's options are all long ones, so a word such as {@code -x} that
     * picocli takes for an unknown option is, as it always was, an argument: parsed again so.
     */
    private static ParseResult parse(List<String> words) {
        String[] args = words.toArray(String[]::new);
        try {
            return tree(words, false).parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            if (e.getUnmatched().stream().allMatch(Commands::singleDash)) {
                try {
                    return tree(words, true).parseArgs(args);
                } catch (CommandLine.ParameterException again) {
                    throw usage(again);
                }
            }
            throw usage(e);
        } catch (CommandLine.ParameterException e) {
            throw usage(e);
        }
    }

    private static boolean singleDash(String word) {
        return word.length() > 1 && word.startsWith("-") && !word.startsWith("--");
    }

    /**
     * The root with only what the words name under it (so that help names "keydesk keys list"):
     * picocli reads each command's annotations when it is added, about a millisecond or more
     * apiece at start-up, so a group's other subcommands are added only when the second word
     * names none of them (a typo or the group's help, which list them).
     */
    private static CommandLine tree(List<String> words, boolean dashWordsAreArguments) {
        CommandLine root = new CommandLine(new Root());
        String word = words.getFirst();
        CommandLine command = new CommandLine(TOP.get(word).get());
        Map<String, Supplier<Object>> subcommands = GROUPS.getOrDefault(word, Map.of());
        Supplier<Object> named = words.size() > 1 ? subcommands.get(words.get(1)) : null;
        if (named != null) {
            command.addSubcommand(words.get(1), named.get());
        } else {
            subcommands.forEach((name, sub) -> command.addSubcommand(name, sub.get()));
        }
        root.addSubcommand(word, command);
        configure(root, dashWordsAreArguments);
        return root;
    }

    /** Every command word's tree: for the completion scripts. */
    static CommandLine root() {
        CommandLine root = new CommandLine(new Root());
        TOP.forEach((word, command) -> {
            CommandLine line = new CommandLine(command.get());
            GROUPS.getOrDefault(word, Map.of()).forEach((name, sub) -> line.addSubcommand(name, sub.get()));
            root.addSubcommand(word, line);
        });
        root.addSubcommand("help", new Root.Help());
        root.addSubcommand("version", new Root.Version());
        configure(root, false);
        return root;
    }

    private static void configure(CommandLine line, boolean dashWordsAreArguments) {
        // "--name --json" names the key "--json", as it always did; a repeated flag is harmless,
        // a repeated value is refused below in KeyDesk's own sentence
        line.setAllowOptionsAsOptionParameters(true);
        line.setOverwrittenOptionsAllowed(true);
        line.setUnmatchedOptionsArePositionalParams(dashWordsAreArguments);
        line.setUsageHelpWidth(100);
        if (line.getCommandSpec().findOption("--help") == null) {
            line.getCommandSpec().addOption(OptionSpec.builder("--help").usageHelp(true)
                    .description("Show this command's help.").build());
        }
        line.getSubcommands().values().forEach(sub -> configure(sub, dashWordsAreArguments));
    }

    /** picocli's complaint as the sentence KeyDesk has always given for it. */
    private static UsageException usage(CommandLine.ParameterException e) {
        Object command = e.getCommandLine().getCommand();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String first = unmatched.getUnmatched().getFirst();
            CommandLine where = e.getCommandLine();
            if (!(command instanceof CliCommand)) {
                String hint = Suggestions.line(first, where.getSubcommands().keySet());
                String name = e.getCommandLine().getCommandSpec().qualifiedName(" ").substring("keydesk ".length());
                return new UsageException("Unknown command '" + name + " " + Texts.printable(first)
                        + "'. Run 'keydesk help' for the list." + hint);
            }
            String option = unmatched.getUnmatched().stream().filter(w -> w.startsWith("--")).findFirst().orElse(null);
            if (option != null) {
                String hint = Suggestions.line(option, where.getCommandSpec().optionsMap().keySet());
                return new UsageException("Unknown option " + Texts.printable(option) + "." + hint);
            }
            return new UsageException("Usage: " + ((CliCommand) command).usage());
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().getFirst() instanceof OptionSpec option) {
            return new UsageException(option.longestName() + " needs a value.");
        }
        return new UsageException(Texts.printable(e.getMessage()));   // picocli quotes what was typed
    }

    /** An option that takes a value, given twice: which one was meant is not for KeyDesk to guess. */
    private static void rejectRepeatedValues(ParseResult leaf) {
        for (OptionSpec option : leaf.matchedOptions()) {
            if (option.arity().max() > 0 && leaf.matchedOption(option.longestName()).originalStringValues().size() > 1) {
                throw new UsageException(option.longestName() + " was given twice.");
            }
        }
    }

    private static int run(Context ctx, CliCommand command) {
        try {
            return command.run(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            // serve: the address could not be listened on
            throw new ValidationException("listen", "Could not listen there: " + e.getMessage() + ".");
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start", e);   // serve: the only command that throws one
        }
    }
}
