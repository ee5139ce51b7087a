package com.keydesk.cli;

import com.keydesk.format.Json;
import com.keydesk.domain.Texts;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code users ...}: add, list, deactivate, activate, promote, demote, unlock, reset-password, rename.
 * Administrators only (checked in the service).
 */
final class UserCommands {
    private UserCommands() {
    }

    static void run(Context ctx, String sub, List<String> words) {
        switch (sub) {
            case "add" -> add(ctx, Args.parse(words, Set.of("--display-name"), Set.of("--admin")));
            case "list" -> list(ctx, Args.parse(words, Set.of(), Set.of("--json")));
            case "deactivate", "activate" -> {
                String name = Args.parse(words, Set.of(), Set.of()).positional(1, "users " + sub + " USERNAME").getFirst();
                boolean active = sub.equals("activate");
                User user = ctx.services().users().setActive(ctx.signIn(), name, active);
                ctx.err.println(user.username() + " is " + (active ? "active again; "
                        + Texts.keys(user.keyCount(), "of theirs works again.", "of theirs work again.")
                        : "deactivated; " + Texts.keys(user.keyCount(), "of theirs stopped working.",
                        "of theirs stopped working.")));
            }
            case "promote" -> promote(ctx, Args.parse(words, Set.of(), Set.of("--yes")));
            case "demote" -> {
                String name = Args.parse(words, Set.of(), Set.of()).positional(1, "users demote USERNAME").getFirst();
                User user = ctx.services().users().setAdmin(ctx.signIn(), name, false);
                ctx.err.println(user.username() + " is no longer an administrator.");
            }
            case "unlock" -> unlock(ctx, Args.parse(words, Set.of(), Set.of("--as-store-owner")));
            case "reset-password" -> resetPassword(ctx, Args.parse(words, Set.of(), Set.of()));
            case "rename" -> {
                List<String> names = Args.parse(words, Set.of(), Set.of()).positional(2, "users rename USERNAME DISPLAY_NAME");
                User user = ctx.services().users().rename(ctx.signIn(), names.getFirst(), names.get(1));
                ctx.err.println(user.username() + (user.displayName() == null ? " has no display name now."
                        : "'s display name is now " + user.displayName() + "."));
            }
            default -> throw Commands.unknown("users", sub);
        }
    }

    private static void add(Context ctx, Args args) {
        String name = args.positional(1, "users add USERNAME [--admin] [--display-name TEXT]").getFirst();
        var services = ctx.services();
        var session = ctx.signIn();
        String password = ctx.readLine();
        if (password == null || password.isEmpty()) {
            throw new ValidationException("password", "Give the new user's password as the first line of standard input.");
        }
        User user = services.users().add(session, name, args.option("--display-name"), args.has("--admin"),
                password.toCharArray());
        ctx.err.println("Added " + (user.admin() ? "administrator " : "user ") + user.username() + ".");
    }

    /** The temporary password is the first line of standard input, as every secret the command line takes. */
    private static void resetPassword(Context ctx, Args args) {
        String name = args.positional(1, "users reset-password USERNAME").getFirst();
        var session = ctx.signIn();
        String password = ctx.readLine();
        if (password == null || password.isEmpty()) {
            throw new ValidationException("password", "Give the temporary password as the first line of standard input.");
        }
        User user = ctx.services().users().resetPassword(session, name, password.toCharArray());
        ctx.err.println(user.username() + " must choose a new password at their next sign-in (keydesk passwd).");
    }

    private static void list(Context ctx, Args args) {
        args.positional(0, "users list [--json]");
        List<User> users = ctx.services().users().list(ctx.signIn());
        if (args.has("--json")) {
            ctx.out.println(Json.write(users.stream().map(UserCommands::fields).toList()));
            return;
        }
        ctx.out.printf("%-6s %-24s %-14s %-10s %s%n", "ID", "USERNAME", "ROLE", "STATUS", "KEYS");
        for (User u : users) {
            ctx.out.printf("%-6d %-24s %-14s %-10s %d%n", u.id(), u.username(), u.admin() ? "administrator" : "user",
                    u.active() ? "active" : "deactivated", u.keyCount());
        }
    }

    /** Promotion gives every key of the user full site power: the keys are listed and must be confirmed with --yes. */
    private static void promote(Context ctx, Args args) {
        String name = args.positional(1, "users promote USERNAME [--yes]").getFirst();
        var session = ctx.signIn();
        List<ApiKey> gaining = ctx.services().users().keysGainingFullPower(session, name);
        if (!gaining.isEmpty()) {
            ctx.err.println("These keys of " + name + " will gain full administrator power:");
            gaining.forEach(k -> ctx.err.println("  " + k.id() + "  " + k.name() + "  " + k.descriptiveLabel()));
            if (!args.has("--yes")) {
                throw new UsageException("Run again with --yes to make " + name
                        + " an administrator, or revoke those keys first.");
            }
        }
        User user = ctx.services().users().setAdmin(session, name, true);
        ctx.err.println(user.username() + " is now an administrator.");
    }

    /**
     * Ends a username's sign-in wait: an administrator signs in as usual; with --as-store-owner
     * nobody signs in and the service checks that the operating-system account running this owns
     * the store file (the way back when the last administrator is the one held back).
     */
    private static void unlock(Context ctx, Args args) {
        String name = args.positional(1, "users unlock USERNAME [--as-store-owner]").getFirst();
        var auth = ctx.services().auth();
        boolean cleared = args.has("--as-store-owner") ? auth.unlockAsStoreOwner(name) : auth.unlock(ctx.signIn(), name);
        String shown = com.keydesk.domain.Texts.printable(name.strip());
        ctx.err.println(cleared ? "Ended the sign-in wait for " + shown + "; failed attempts count from zero again."
                : shown + " had no sign-in wait or failed attempts to clear.");
    }

    static Map<String, Object> fields(User u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("username", u.username());
        out.put("display_name", u.displayName());
        out.put("admin", u.admin());
        out.put("active", u.active());
        out.put("created_at", u.createdAt());
        out.put("key_count", u.keyCount());
        return out;
    }
}
