package com.keydesk.cli;

/**
 * One command of the command line, declared with picocli's annotations: picocli fills its fields
 * from the words after the command's name, then {@link Commands} runs it over the command's
 * {@link Context}. Failures are thrown (see {@link ExitCode}); the return value is the exit code
 * of a command that ended normally.
 */
interface CliCommand {
    /** The command as its "Usage: ..." sentence shows it when its positional arguments are wrong. */
    String usage();

    int run(Context ctx) throws Exception;

    /** A command's positional argument that must be there: its absence is a usage error. */
    default String required(String value) {
        if (value == null) {
            throw new UsageException("Usage: " + usage());
        }
        return value;
    }

    /** An option that must be given, named as the old sentence names it ("Missing --name NAME."). */
    static String required(String value, String option, String what) {
        if (value == null) {
            throw new UsageException("Missing " + option + " " + what + ".");
        }
        return value;
    }
}
