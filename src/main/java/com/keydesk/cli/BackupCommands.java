package com.keydesk.cli;

import com.keydesk.domain.ConfirmationNeededException;
import com.keydesk.service.Session;
import com.keydesk.service.StoreRestore;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code backup FILE} and {@code restore FILE --yes [--other-site]}. */
final class BackupCommands {
    private BackupCommands() {
    }

    static void backup(Context ctx, List<String> words) {
        Path file = Path.of(Args.parse(words, Set.of(), Set.of()).positional(1, "backup FILE").getFirst());
        ctx.services().backups().backup(ctx.signIn(), file);
        ctx.err.println("Backed up the store to " + file.toAbsolutePath().normalize()
                + ". It holds key hashes, never a secret; keep it as safe as the store.");
    }

    /**
     * Replaces the store with a backup (service/StoreRestore). An existing store must be opened by
     * an administrator first; the replaced store file is kept beside the new one.
     */
    static void restore(Context ctx, List<String> words) {
        Args args = Args.parse(words, Set.of(), Set.of("--yes", "--other-site"));
        Path file = Path.of(args.positional(1, "restore FILE --yes [--other-site]").getFirst()).toAbsolutePath().normalize();
        StoreRestore.checkFile(file);
        Path folder = ctx.localFolder();
        if (folder == null) {
            restoreIntoTeamStore(ctx, file, args);
            return;
        }
        if (!args.has("--yes")) {
            throw new UsageException("Restoring replaces the store in " + folder + " with " + file
                    + " (the current store is kept beside it). Run again with --yes to confirm.");
        }
        StoreRestore restore = new StoreRestore(folder, ctx.clock());
        StoreRestore.Outcome outcome;
        if (ctx.storeExists()) {
            Session session = ctx.signIn();
            try {
                outcome = restore.restore(ctx.services(), session, file, args.has("--other-site"), ctx::closeStore);
            } catch (ConfirmationNeededException e) {
                throw new UsageException(e.getMessage() + " Run again with --other-site as well as --yes to confirm.");
            }
        } else {
            outcome = restore.restoreWithoutStore(file);
        }
        // restored on purpose, through KeyDesk: an older history is expected here, not a rollback
        ctx.replacedOnPurpose();
        ctx.services();
        ctx.err.println("Restored the store in " + folder + " from " + file
                + (outcome.keptAside() == null ? "." : "; the previous store is kept as " + outcome.keptAside().getFileName() + "."));
    }

    /** A backup into an empty team store database: how a local store moves to a team store. */
    private static void restoreIntoTeamStore(Context ctx, Path file, Args args) {
        if (!args.has("--yes")) {
            throw new UsageException("Restoring makes the team store " + ctx.where() + " from " + file
                    + " (its database must be empty). Run again with --yes to confirm.");
        }
        StoreRestore.Outcome outcome = ctx.stores().restoreIntoTeamStore(ctx.address(), file, ctx.clock());
        // restored on purpose, through KeyDesk: this installation takes its history as it is
        ctx.replacedOnPurpose();
        ctx.services();
        ctx.err.println("Restored the team store " + ctx.where() + " from " + file + " (site " + outcome.siteName() + ").");
    }
}
