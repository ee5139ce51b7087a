package com.keydesk.cli;

import com.keydesk.format.AuditFields;
import tools.jackson.core.JsonGenerator;
import com.keydesk.format.Json;
import com.keydesk.domain.AuditEntry;
import com.keydesk.service.AuditVerification;
import com.keydesk.service.Session;
import com.keydesk.service.Witness.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code audit list}, {@code audit verify [--checkpoint SEQ:HASH]}, {@code audit checkpoint} and
 * {@code audit trust-current}. Verify fails (exit 11) for a broken chain, a row that does not match
 * it, a history that no longer holds what this installation saw, or a checkpoint it does not hold.
 */
final class AuditCommands {
    private AuditCommands() {
    }

    @Command(name = "audit", description = "Read and check the audit log.")
    static final class Group {
    }

    /** The subcommands by name; {@link Commands} builds only the one a command line names. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = new Commands.Named()
            .add("list", ListEntries::new)
            .add("verify", Verify::new)
            .add("checkpoint", CheckpointCommand::new)
            .add("trust-current", TrustCurrent::new)
            .map();

    @Command(name = "list", description = "The audit log, as a table or JSON.")
    static final class ListEntries implements CliCommand {
        @Option(names = "--json")
        boolean json;

        @Override
        public String usage() {
            return "audit list [--json]";
        }

        /**
         * Each entry is written as the store hands it over and none is kept: a million-key site has
         * a million entries, more than the command line's heap holds. The bytes are those of
         * encoding the whole list at once (AuditListStreamsTest).
         */
        @Override
        public int run(Context ctx) {
            Session session = ctx.signIn();
            if (json) {
                // The stream's own charset, as println of the whole text used. The generator and the
                // writer hold the start until 64 KB are written or the generator closes, and it is not
                // closed on a failure: a refusal (before the first entry) prints nothing, and a list
                // cut short does not end its array, so it cannot read as a whole one.
                Writer text = new BufferedWriter(new OutputStreamWriter(ctx.out, ctx.out.charset()), 1 << 16) {
                    @Override
                    public void close() throws java.io.IOException {
                        flush();   // closing the generator must not close standard output
                    }
                };
                JsonGenerator g = Json.generator(text);
                g.writeStartArray();
                ctx.services().audit().forEach(session, e -> Json.value(g, AuditFields.of(e)));
                g.writeEndArray();
                g.close();
                ctx.out.println();
            } else {
                ctx.services().audit().forEach(session, e -> ctx.out.printf("%6d  %s  %-12s %-24s %-16s %-7s %s%n",
                        e.seq(), e.at(), e.actor(), e.action(), e.target() == null ? "" : e.target(), e.outcome(),
                        e.detail() == null ? "" : e.detail()));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", description = "Check the audit log's chain (exit 11 if it is broken).")
    static final class Verify implements CliCommand {
        @Option(names = "--checkpoint", paramLabel = "SEQ:HASH", description = "Also check that the log holds this checkpoint.")
        String checkpointText;

        @Override
        public String usage() {
            return "audit verify [--checkpoint SEQ:HASH]";
        }

        @Override
        public int run(Context ctx) {
            Checkpoint checkpoint = checkpointText != null ? Checkpoint.parse(checkpointText) : null;
            Session session = ctx.signIn();
            AuditVerification result = ctx.services().audit().verify(session);
            if (!result.intact()) {
                throw new AuditBrokenException(result.message());
            }
            if (ctx.historyProblem() != null) {
                throw new AuditBrokenException(ctx.historyProblem());
            }
            if (checkpoint != null) {
                String problem = ctx.witness().checkAgainst(session, checkpoint);
                if (problem != null) {
                    throw new AuditBrokenException(problem);
                }
            }
            ctx.out.println(result.message() + (checkpoint == null ? "" : " It holds checkpoint " + checkpoint + "."));
            return ExitCode.OK;
        }
    }

    @Command(name = "checkpoint", description = "The head of the history (SEQ:HASH), to keep elsewhere.")
    static final class CheckpointCommand implements CliCommand {
        @Override
        public String usage() {
            return "audit checkpoint";
        }

        @Override
        public int run(Context ctx) {
            ctx.out.println(ctx.witness().checkpoint(ctx.signIn()));
            return ExitCode.OK;
        }
    }

    @Command(name = "trust-current", description = "Accept the history as it is now (after a warning; --yes confirms).")
    static final class TrustCurrent implements CliCommand {
        @Option(names = "--yes")
        boolean yes;

        @Override
        public String usage() {
            return "audit trust-current --yes";
        }

        @Override
        public int run(Context ctx) {
            if (!yes) {
                throw new UsageException("This installation would accept the store's history as it is now, even"
                        + " if it was rolled back or rewritten. Look into the warning first; run again with --yes to confirm.");
            }
            ctx.witness().trustCurrent(ctx.signIn());
            ctx.err.println("This installation now takes the store's history as it is.");
            return ExitCode.OK;
        }
    }
}
