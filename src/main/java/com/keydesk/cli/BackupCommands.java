package com.keydesk.cli;

import com.keydesk.domain.ConfirmationNeededException;
import com.keydesk.service.Session;
import com.keydesk.service.StoreRestore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code backup FILE} and {@code restore FILE --yes [--other-site]}. */
final class BackupCommands {
    private BackupCommands() {
    }

    @Command(name = "backup", description = "A consistent copy of the open store (a zip of JSON lines).")
    static final class Backup implements CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
        String file;

        @Override
        public String usage() {
            return "backup FILE";
        }

        @Override
        public int run(Context ctx) {
            Path target = Path.of(required(file));
            ctx.services().backups().backup(ctx.signIn(), target);
            ctx.err.println("Backed up the store to " + target.toAbsolutePath().normalize()
                    + ". It holds key hashes, never a secret; keep it as safe as the store.");
            return ExitCode.OK;
        }
    }

    /**
     * Replaces the store with a backup (service/StoreRestore). An existing store must be opened by
     * an administrator first; the replaced store file is kept beside the new one.
     */
    @Command(name = "restore", description = "Replace the store with a backup; the old one is kept beside it.")
    static final class Restore implements CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
        String file;
        @Option(names = "--yes", description = "Confirm the replacement.")
        boolean yes;
        @Option(names = "--other-site", description = "Also confirm a backup of another site.")
        boolean otherSite;

        @Override
        public String usage() {
            return "restore FILE --yes [--other-site]";
        }

        @Override
        public int run(Context ctx) {
            Path backup = Path.of(required(file)).toAbsolutePath().normalize();
            StoreRestore.checkFile(backup);
            Path folder = ctx.localFolder();
            if (folder == null) {
                restoreIntoTeamStore(ctx, backup);
                return ExitCode.OK;
            }
            if (!yes) {
                throw new UsageException("Restoring replaces the store in " + folder + " with " + backup
                        + " (the current store is kept beside it). Run again with --yes to confirm.");
            }
            StoreRestore restore = new StoreRestore(folder, ctx.clock());
            StoreRestore.Outcome outcome;
            if (ctx.storeExists()) {
                Session session = ctx.signIn();
                try {
                    outcome = restore.restore(ctx.services(), session, backup, otherSite, ctx::closeStore);
                } catch (ConfirmationNeededException e) {
                    throw new UsageException(e.getMessage() + " Run again with --other-site as well as --yes to confirm.");
                }
            } else {
                outcome = restore.restoreWithoutStore(backup);
            }
            // restored on purpose, through KeyDesk: an older history is expected here, not a rollback
            ctx.replacedOnPurpose();
            ctx.services();
            ctx.err.println("Restored the store in " + folder + " from " + backup
                    + (outcome.keptAside() == null ? "." : "; the previous store is kept as " + outcome.keptAside().getFileName() + "."));
            return ExitCode.OK;
        }

        /** A backup into an empty team store database: how a local store moves to a team store. */
        private void restoreIntoTeamStore(Context ctx, Path backup) {
            if (!yes) {
                throw new UsageException("Restoring makes the team store " + ctx.where() + " from " + backup
                        + " (its database must be empty). Run again with --yes to confirm.");
            }
            StoreRestore.Outcome outcome = ctx.stores().restoreIntoTeamStore(ctx.address(), backup, ctx.clock());
            // restored on purpose, through KeyDesk: this installation takes its history as it is
            ctx.replacedOnPurpose();
            ctx.services();
            ctx.err.println("Restored the team store " + ctx.where() + " from " + backup + " (site " + outcome.siteName() + ").");
        }
    }
}
