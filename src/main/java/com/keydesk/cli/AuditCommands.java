package com.keydesk.cli;

import com.keydesk.format.Json;
import com.keydesk.domain.AuditEntry;
import com.keydesk.service.AuditVerification;
import com.keydesk.service.Session;
import com.keydesk.service.Witness.Checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code audit list}, {@code audit verify [--checkpoint SEQ:HASH]}, {@code audit checkpoint} and
 * {@code audit trust-current}. Verify fails (exit 11) for a broken chain, a row that does not match
 * it, a history that no longer holds what this installation saw, or a checkpoint it does not hold.
 */
final class AuditCommands {
    private AuditCommands() {
    }

    static void run(Context ctx, String sub, List<String> words) {
        switch (sub) {
            case "list" -> list(ctx, words);
            case "verify" -> verify(ctx, words);
            case "checkpoint" -> {
                Args.parse(words, Set.of(), Set.of()).positional(0, "audit checkpoint");
                ctx.out.println(ctx.witness().checkpoint(ctx.signIn()));
            }
            case "trust-current" -> {
                Args args = Args.parse(words, Set.of(), Set.of("--yes"));
                args.positional(0, "audit trust-current --yes");
                if (!args.has("--yes")) {
                    throw new UsageException("This installation would accept the store's history as it is now, even"
                            + " if it was rolled back or rewritten. Look into the warning first; run again with --yes to confirm.");
                }
                ctx.witness().trustCurrent(ctx.signIn());
                ctx.err.println("This installation now takes the store's history as it is.");
            }
            default -> throw Commands.unknown("audit", sub);
        }
    }

    private static void list(Context ctx, List<String> words) {
        Args args = Args.parse(words, Set.of(), Set.of("--json"));
        args.positional(0, "audit list [--json]");
        List<AuditEntry> entries = ctx.services().audit().entries(ctx.signIn());
        if (args.has("--json")) {
            ctx.out.println(Json.write(entries.stream().map(AuditCommands::fields).toList()));
        } else {
            entries.forEach(e -> ctx.out.printf("%6d  %s  %-12s %-24s %-16s %-7s %s%n", e.seq(), e.at(), e.actor(),
                    e.action(), e.target() == null ? "" : e.target(), e.outcome(),
                    e.detail() == null ? "" : e.detail()));
        }
    }

    private static void verify(Context ctx, List<String> words) {
        Args args = Args.parse(words, Set.of("--checkpoint"), Set.of());
        args.positional(0, "audit verify [--checkpoint SEQ:HASH]");
        Checkpoint checkpoint = args.has("--checkpoint") ? Checkpoint.parse(args.option("--checkpoint")) : null;
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
    }

    private static Map<String, Object> fields(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", e.at());
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("target", e.target());
        out.put("outcome", e.outcome());
        out.put("detail", e.detail());
        out.put("row_digest", e.rowDigest());
        out.put("prev_hash", e.prevHash());
        out.put("entry_hash", e.entryHash());
        return out;
    }
}
