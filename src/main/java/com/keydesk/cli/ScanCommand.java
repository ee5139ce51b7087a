package com.keydesk.cli;

import com.keydesk.format.Json;
import com.keydesk.domain.KeyDeskException;
import com.keydesk.domain.Secret;
import com.keydesk.scan.Finding;
import com.keydesk.scan.LeakScanner;
import com.keydesk.service.LeakService.FoundKey;
import com.keydesk.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scan PATH... [--git | --staged] [--respect-gitignore] [--format text|json|sarif] [--revoke [--yes]]}.
 * Works with no store and no sign-in (every finding is then "unknown"); with both, each finding is
 * named through the services. Exit 12 when anything was found.
 */
@Command(name = "scan", description = "Find leaked KeyDesk keys (- reads standard input); exit 12 if any.")
final class ScanCommand implements CliCommand {
    private static final String USAGE = "scan PATH... [--git | --staged] [--respect-gitignore] "
            + "[--format text|json|sarif] [--revoke [--yes]]";

    @Parameters(paramLabel = "PATH", description = "Files, folders or git repositories; - is standard input.")
    List<String> paths = new ArrayList<>();
    @Option(names = "--git", description = "Every commit of the repository's history.")
    boolean git;
    @Option(names = "--staged", description = "What git would commit now.")
    boolean staged;
    @Option(names = "--respect-gitignore", description = "Skip what .gitignore ignores.")
    boolean respectGitignore;
    @Option(names = "--format", paramLabel = "text|json|sarif")
    String format;
    @Option(names = "--revoke", description = "Revoke each active key found (asks first).")
    boolean revoke;
    @Option(names = "--yes", description = "Revoke without asking.")
    boolean yes;

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(Context ctx) {
        String chosen = format != null ? format : "text";
        if (!List.of("text", "json", "sarif").contains(chosen)) {
            throw new UsageException("--format is text, json or sarif.");
        }
        if (git && staged) {
            throw new UsageException("Give --git or --staged, not both.");
        }
        if (paths.isEmpty() && !staged) {
            throw new UsageException("Usage: " + USAGE);
        }
        if (revoke && !yes && (paths.contains("-") || !onTerminal())) {
            throw new UsageException("--revoke asks before revoking, and there is no terminal to ask on"
                    + " (or standard input is being scanned): add --yes to revoke without asking.");
        }

        List<Finding> findings = new ArrayList<>();
        LeakScanner scanner = new LeakScanner(
                new LeakScanner.Options(git, staged, respectGitignore),
                () -> false);
        LeakScanner.Summary summary;
        try {
            summary = scanner.scan(paths, ctx.stdinBytes(), findings::add);
        } catch (UncheckedIOException e) {
            throw new com.keydesk.domain.ValidationException("path", "Could not read what was to be scanned: "
                    + e.getCause().getMessage());
        }
        Naming naming = name(ctx, findings, revoke);
        switch (chosen) {
            case "json" -> ctx.out.println(Json.write(ScanReport.json(findings, naming.names())));
            case "sarif" -> ctx.out.println(Json.write(ScanReport.sarif(findings, naming.names(), Cli.VERSION)));
            default -> ScanReport.text(ctx.out, findings, naming.names());
        }
        ctx.err.println(ScanReport.summary(summary, findings.size()) + naming.note());
        int exit = findings.isEmpty() ? ExitCode.OK : ExitCode.LEAKS_FOUND;
        if (revoke && !findings.isEmpty()) {
            exit = revokeActive(ctx, naming, findings, yes, exit);
        }
        return exit;
    }

    /** The names of the findings, or all unknown with the reason why, when there is no store or no one signed in. */
    private record Naming(Session session, List<FoundKey> names, String note) {
    }

    private static Naming name(Context ctx, List<Finding> findings, boolean revoke) {
        List<FoundKey> unknown = findings.stream().map(f -> FoundKey.UNKNOWN).toList();
        if (findings.isEmpty()) {
            return new Naming(null, unknown, "");
        }
        if (!ctx.storeExists()) {
            return new Naming(null, unknown, " No store at " + ctx.where() + ", so the keys are not named.");
        }
        if (!ctx.hasUser()) {
            return new Naming(null, unknown, " Not signed in (--user or KEYDESK_USER), so the keys are not named.");
        }
        try {
            Session session = ctx.signIn();
            List<Secret> keys = findings.stream().map(Finding::key).toList();
            return new Naming(session, ctx.services().leaks().name(session, keys), "");
        } catch (com.keydesk.domain.StoreException e) {
            // The desktop app may hold the store: the findings still matter more than their names.
            if (revoke || e.reason() != com.keydesk.domain.StoreException.Reason.IN_USE) {
                throw e;
            }
            return new Naming(null, unknown, " " + e.getMessage() + " So the keys are not named.");
        }
    }

    /** Revokes each distinct active key found, after one confirmation; returns the exit code to end with. */
    private static int revokeActive(Context ctx, Naming naming, List<Finding> findings, boolean yes, int exit) {
        if (naming.session() == null) {
            throw new UsageException("--revoke needs a store and a sign-in (--user or KEYDESK_USER).");
        }
        Map<Long, Finding> firstSeen = new LinkedHashMap<>();
        Map<Long, FoundKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            FoundKey key = naming.names().get(i);
            if (key.active() && !firstSeen.containsKey(key.keyId())) {
                firstSeen.put(key.keyId(), findings.get(i));
                keys.put(key.keyId(), key);
            }
        }
        if (keys.isEmpty()) {
            ctx.err.println("No active key of yours was found, so none was revoked.");
            return exit;
        }
        ctx.err.println("These keys will be revoked (they can never authenticate again):");
        keys.forEach((id, key) -> ctx.err.println("  key " + id + " \"" + key.name() + "\" "
                + firstSeen.get(id).masked() + ", found in " + firstSeen.get(id).where()));
        if (!yes) {
            ctx.err.print("Revoke " + keys.size() + (keys.size() == 1 ? " key" : " keys") + "? [y/N] ");
            ctx.err.flush();
            String answer = ctx.readLine();
            if (answer == null || !answer.strip().equalsIgnoreCase("y") && !answer.strip().equalsIgnoreCase("yes")) {
                ctx.err.println("Nothing was revoked.");
                return exit;
            }
        }
        int result = exit;
        for (var entry : keys.entrySet()) {
            long id = entry.getKey();
            String where = auditedPlace(firstSeen.get(id));
            try {
                ctx.services().keys().revoke(naming.session(), id, "found in " + where);
                ctx.err.println("Revoked key " + id + " (" + entry.getValue().name() + "), found in " + where + ".");
            } catch (KeyDeskException e) {
                ctx.err.println("keydesk: key " + id + " was not revoked: " + e.getMessage());
                result = result == exit ? ExitCode.of(e) : result;
            }
        }
        return result;
    }

    /** Where a key was found, as the audit log keeps it: a file by its absolute path, so it still means something later. */
    private static String auditedPlace(Finding f) {
        if (f.commit() != null || f.staged() || f.path().equals("-")) {
            return f.path().equals("-") ? "standard input" : f.where();
        }
        return java.nio.file.Path.of(f.path()).toAbsolutePath().normalize().toString();
    }

    private static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
