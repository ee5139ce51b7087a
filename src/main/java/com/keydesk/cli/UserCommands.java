package com.keydesk.cli;

import com.keydesk.format.Json;
import com.keydesk.domain.Texts;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code users ...}: add, list, deactivate, activate, promote, demote, unlock, reset-password, rename.
 * Administrators only (checked in the service).
 */
final class UserCommands {
    private UserCommands() {
    }

    @Command(name = "users", description = "Add, list and change users (administrators).")
    static final class Group {
    }

    /** The subcommands by name; {@link Commands} builds only the one a command line names. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = new Commands.Named()
            .add("add", Add::new)
            .add("list", ListUsers::new)
            .add("deactivate", Deactivate::new)
            .add("activate", Activate::new)
            .add("promote", Promote::new)
            .add("demote", Demote::new)
            .add("unlock", Unlock::new)
            .add("reset-password", ResetPassword::new)
            .add("rename", Rename::new)
            .map();

    /** The commands that take one username. */
    abstract static class OneUser implements CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "USERNAME")
        String username;

        String username() {
            return required(username);
        }
    }

    /** The password is the first line of standard input, never an argument. */
    @Command(name = "add", description = "Add a user; the password is the first line of standard input.")
    static final class Add extends OneUser {
        @Option(names = "--admin", description = "An administrator.")
        boolean admin;
        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @Override
        public String usage() {
            return "users add USERNAME [--admin] [--display-name TEXT]";
        }

        @Override
        public int run(Context ctx) {
            String name = username();
            var services = ctx.services();
            var session = ctx.signIn();
            String password = ctx.readLine();
            if (password == null || password.isEmpty()) {
                throw new ValidationException("password", "Give the new user's password as the first line of standard input.");
            }
            User user = services.users().add(session, name, displayName, admin, password.toCharArray());
            ctx.err.println("Added " + (user.admin() ? "administrator " : "user ") + user.username() + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "Every user, as a table or JSON.")
    static final class ListUsers implements CliCommand {
        @Option(names = "--json")
        boolean json;

        @Override
        public String usage() {
            return "users list [--json]";
        }

        @Override
        public int run(Context ctx) {
            List<User> users = ctx.services().users().list(ctx.signIn());
            if (json) {
                ctx.out.println(Json.write(users.stream().map(UserCommands::fields).toList()));
                return ExitCode.OK;
            }
            ctx.out.printf("%-6s %-24s %-14s %-10s %s%n", "ID", "USERNAME", "ROLE", "STATUS", "KEYS");
            for (User u : users) {
                ctx.out.printf("%-6d %-24s %-14s %-10s %d%n", u.id(), u.username(), u.admin() ? "administrator" : "user",
                        u.active() ? "active" : "deactivated", u.keyCount());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "deactivate", description = "Stop a user signing in; their keys stop working.")
    static final class Deactivate extends OneUser {
        @Override
        public String usage() {
            return "users deactivate USERNAME";
        }

        @Override
        public int run(Context ctx) {
            return setActive(ctx, username(), false);
        }
    }

    @Command(name = "activate", description = "Let a deactivated user sign in again; their keys work again.")
    static final class Activate extends OneUser {
        @Override
        public String usage() {
            return "users activate USERNAME";
        }

        @Override
        public int run(Context ctx) {
            return setActive(ctx, username(), true);
        }
    }

    private static int setActive(Context ctx, String name, boolean active) {
        User user = ctx.services().users().setActive(ctx.signIn(), name, active);
        ctx.err.println(user.username() + " is " + (active ? "active again; "
                + Texts.keys(user.keyCount(), "of theirs works again.", "of theirs work again.")
                : "deactivated; " + Texts.keys(user.keyCount(), "of theirs stopped working.",
                "of theirs stopped working.")));
        return ExitCode.OK;
    }

    /** Promotion gives every key of the user full site power: the keys are listed and must be confirmed with --yes. */
    @Command(name = "promote", description = "Make a user an administrator (their keys gain full power: --yes confirms).")
    static final class Promote extends OneUser {
        @Option(names = "--yes", description = "Confirm that the listed keys gain full power.")
        boolean yes;

        @Override
        public String usage() {
            return "users promote USERNAME [--yes]";
        }

        @Override
        public int run(Context ctx) {
            String name = username();
            var session = ctx.signIn();
            List<ApiKey> gaining = ctx.services().users().keysGainingFullPower(session, name);
            if (!gaining.isEmpty()) {
                ctx.err.println("These keys of " + name + " will gain full administrator power:");
                gaining.forEach(k -> ctx.err.println("  " + k.id() + "  " + k.name() + "  " + k.descriptiveLabel()));
                if (!yes) {
                    throw new UsageException("Run again with --yes to make " + name
                            + " an administrator, or revoke those keys first.");
                }
            }
            User user = ctx.services().users().setAdmin(session, name, true);
            ctx.err.println(user.username() + " is now an administrator.");
            return ExitCode.OK;
        }
    }

    @Command(name = "demote", description = "Make an administrator a user again.")
    static final class Demote extends OneUser {
        @Override
        public String usage() {
            return "users demote USERNAME";
        }

        @Override
        public int run(Context ctx) {
            User user = ctx.services().users().setAdmin(ctx.signIn(), username(), false);
            ctx.err.println(user.username() + " is no longer an administrator.");
            return ExitCode.OK;
        }
    }

    /** The temporary password is the first line of standard input, as every secret the command line takes. */
    @Command(name = "reset-password",
            description = "Give a user a temporary password (first line of standard input) they must change at sign-in.")
    static final class ResetPassword extends OneUser {
        @Override
        public String usage() {
            return "users reset-password USERNAME";
        }

        @Override
        public int run(Context ctx) {
            String name = username();
            var session = ctx.signIn();
            String password = ctx.readLine();
            if (password == null || password.isEmpty()) {
                throw new ValidationException("password", "Give the temporary password as the first line of standard input.");
            }
            User user = ctx.services().users().resetPassword(session, name, password.toCharArray());
            ctx.err.println(user.username() + " must choose a new password at their next sign-in (keydesk passwd).");
            return ExitCode.OK;
        }
    }

    /** An empty display name removes it. */
    @Command(name = "rename", description = "Change a user's display name (an empty one removes it).")
    static final class Rename implements CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "USERNAME")
        String username;
        @Parameters(index = "1", arity = "0..1", paramLabel = "DISPLAY_NAME")
        String displayName;

        @Override
        public String usage() {
            return "users rename USERNAME DISPLAY_NAME";
        }

        @Override
        public int run(Context ctx) {
            String name = required(username);
            String display = required(displayName);
            User user = ctx.services().users().rename(ctx.signIn(), name, display);
            ctx.err.println(user.username() + (user.displayName() == null ? " has no display name now."
                    : "'s display name is now " + user.displayName() + "."));
            return ExitCode.OK;
        }
    }

    /**
     * Ends a username's sign-in wait: an administrator signs in as usual; with --as-store-owner
     * nobody signs in and the service checks that the operating-system account running this owns
     * the store file (the way back when the last administrator is the one held back).
     */
    @Command(name = "unlock", description = "End a user's sign-in wait.")
    static final class Unlock extends OneUser {
        @Option(names = "--as-store-owner", description = "Without sign-in, as the OS account owning the store file.")
        boolean asStoreOwner;

        @Override
        public String usage() {
            return "users unlock USERNAME [--as-store-owner]";
        }

        @Override
        public int run(Context ctx) {
            String name = username();
            var auth = ctx.services().auth();
            boolean cleared = asStoreOwner ? auth.unlockAsStoreOwner(name) : auth.unlock(ctx.signIn(), name);
            String shown = com.keydesk.domain.Texts.printable(name.strip());
            ctx.err.println(cleared ? "Ended the sign-in wait for " + shown + "; failed attempts count from zero again."
                    : shown + " had no sign-in wait or failed attempts to clear.");
            return ExitCode.OK;
        }
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
