package com.keydesk.cli;

import com.keydesk.service.Session;
import com.keydesk.store.Backups;
import com.keydesk.store.Database;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code backup FILE} and {@code restore FILE --yes}. */
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
     * Replaces the store with a backup. An existing store must be opened by an administrator first;
     * the replaced store file is kept beside the new one.
     */
    static void restore(Context ctx, List<String> words) {
        Args args = Args.parse(words, Set.of(), Set.of("--yes"));
        Path file = Path.of(args.positional(1, "restore FILE --yes").getFirst()).toAbsolutePath().normalize();
        Backups.requireBackupFile(file);
        if (!args.has("--yes")) {
            throw new UsageException("Restoring replaces the store in " + ctx.folder() + " with " + file
                    + " (the current store is kept beside it). Run again with --yes to confirm.");
        }
        String actor = "(no store)";
        if (Database.exists(ctx.folder())) {
            Session session = ctx.signIn();
            ctx.services().backups().authorizeRestore(session, file);
            actor = session.username();
            ctx.closeStore();
        }
        Path keptAside = Backups.restore(ctx.folder(), file, ctx.clock().instant());
        ctx.replacedOnPurpose();
        ctx.services().backups().recordRestore(actor, file);
        ctx.err.println("Restored the store in " + ctx.folder() + " from " + file
                + (keptAside == null ? "." : "; the previous store is kept as " + keptAside.getFileName() + "."));
    }
}
