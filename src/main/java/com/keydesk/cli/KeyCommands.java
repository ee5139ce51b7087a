package com.keydesk.cli;

import com.keydesk.format.Json;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.ValidationException;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** {@code keys ...}: create, list, show, update, disable, enable, revoke, replace, verify, export. */
final class KeyCommands {
    private KeyCommands() {
    }

    @Command(name = "keys", description = "Create, list, change and check API keys.")
    static final class Group {
    }

    /** The subcommands by name; {@link Commands} builds only the one a command line names. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = new Commands.Named()
            .add("create", Create::new)
            .add("list", ListKeys::new)
            .add("show", Show::new)
            .add("update", Update::new)
            .add("disable", Disable::new)
            .add("enable", Enable::new)
            .add("revoke", Revoke::new)
            .add("replace", Replace::new)
            .add("verify", Verify::new)
            .add("export", Export::new)
            .map();

    @Command(name = "create", description = "Create a site key or a user's key; prints its secret once.")
    static final class Create implements CliCommand {
        @Option(names = "--site", description = "A site-wide key.")
        boolean site;
        @Option(names = "--for", paramLabel = "USERNAME", description = "A key of this user.")
        String owner;
        @Option(names = "--name", paramLabel = "NAME", description = "Why the key exists.")
        String name;
        @Option(names = "--description", paramLabel = "TEXT")
        String description;
        @Option(names = "--expires", paramLabel = "YYYY-MM-DD")
        String expires;
        @Option(names = "--permission", paramLabel = "SET")
        String permission;
        @Option(names = "--json", description = "The new key as JSON, its secret included.")
        boolean json;

        @Override
        public String usage() {
            return "keys create (--site | --for USERNAME) --name NAME [...]";
        }

        @Override
        public int run(Context ctx) {
            if (site == (owner != null)) {
                throw new UsageException("Give exactly one of --site or --for USERNAME.");
            }
            String why = CliCommand.required(name, "--name", "NAME (why the key exists)");
            PermissionSet chosen = permission != null ? PermissionSet.parse(permission) : null;
            Instant expiry = expires != null ? expiry(expires) : null;
            NewKey request = site
                    ? new NewKey(com.keydesk.domain.KeyType.SITE, null, why, description, chosen, expiry)
                    : NewKey.forUser(owner, why, description, chosen, expiry);
            Services services = ctx.services();
            IssuedKey issued = services.keys().create(ctx.signIn(), request);
            if (issued.key().hasFullSitePower()) {
                ctx.err.println("Warning: this key can do anything on the site, including deleting all files and users.");
            }
            printIssued(ctx, issued, json);
            return ExitCode.OK;
        }
    }

    /** The secret goes to stdout alone (the transaction has committed: it is durably stored); advice to stderr. */
    private static void printIssued(Context ctx, IssuedKey issued, boolean json) {
        ctx.err.println("Key " + issued.key().id() + " (" + issued.key().name()
                + ") created. Store the key now: it cannot be shown again.");
        if (json) {
            ctx.out.println(Json.write(KeyView.issued(issued.key(), issued.secret(), ctx.clock().instant())));
        } else {
            ctx.out.println(issued.secret().reveal());
        }
    }

    @Command(name = "list", description = "The keys you may see, as a table or JSON.")
    static final class ListKeys implements CliCommand {
        @Option(names = "--json")
        boolean json;
        @Option(names = "--status", paramLabel = "active|disabled|expired|owner_deactivated")
        String status;

        @Override
        public String usage() {
            return "keys list [--json] [--status active|disabled|expired|owner_deactivated]";
        }

        @Override
        public int run(Context ctx) {
            KeyStatus wanted = status != null ? KeyStatus.parse(status) : null;
            Instant now = ctx.clock().instant();
            KeySink sink = json ? KeySink.json(ctx.out, now) : KeySink.table(ctx.out, now);
            write(ctx, ctx.signIn(), key -> wanted == null || key.status(now) == wanted, sink);
            return ExitCode.OK;
        }
    }

    /** Reads the wanted keys on this thread while the sink writes them out on another ({@link HandOff}). */
    private static void write(Context ctx, Session session, Predicate<ApiKey> wanted, KeySink sink) {
        try (HandOff<ApiKey> handOff = HandOff.to(sink)) {
            ctx.services().keys().forEach(session, key -> {
                if (wanted.test(key)) {
                    handOff.accept(key);
                }
            });
            handOff.finish();
        }
        sink.finish();
    }

    /** The commands that take one key id. */
    abstract static class OneKey implements CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The key's id, as 'keys list' shows it.")
        String id;

        long id() {
            return KeyCommands.id(required(id));
        }
    }

    @Command(name = "show", description = "One key's details.")
    static final class Show extends OneKey {
        @Option(names = "--json")
        boolean json;

        @Override
        public String usage() {
            return "keys show ID [--json]";
        }

        @Override
        public int run(Context ctx) {
            ApiKey key = ctx.services().keys().show(ctx.signIn(), id());
            Map<String, Object> fields = KeyView.fields(key, ctx.clock().instant());
            if (json) {
                ctx.out.println(Json.write(fields));
            } else {
                ctx.out.print(KeyView.showText(fields));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "update", description = "Change a key's name, description or expiry.")
    static final class Update extends OneKey {
        @Option(names = "--name", paramLabel = "NAME")
        String name;
        @Option(names = "--description", paramLabel = "TEXT")
        String description;
        @Option(names = "--expires", paramLabel = "YYYY-MM-DD")
        String expires;
        @Option(names = "--no-expiry")
        boolean noExpiry;

        @Override
        public String usage() {
            return "keys update ID [--name NAME] [--description TEXT] [--expires YYYY-MM-DD | --no-expiry]";
        }

        @Override
        public int run(Context ctx) {
            long keyId = id();
            if (expires != null && noExpiry) {
                throw new UsageException("Give --expires or --no-expiry, not both.");
            }
            Instant expiry = expires != null ? expiry(expires) : null;
            KeyEdit edit = new KeyEdit(name, description, expiry, noExpiry);
            ApiKey key = ctx.services().keys().update(ctx.signIn(), keyId, edit);
            ctx.err.println("Updated key " + key.id() + " (" + key.name() + ").");
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", description = "Stop a key working until it is enabled again.")
    static final class Disable extends OneKey {
        @Override
        public String usage() {
            return "keys disable ID";
        }

        @Override
        public int run(Context ctx) {
            ApiKey key = ctx.services().keys().disable(ctx.signIn(), id());
            ctx.err.println("Disabled key " + key.id() + " (" + key.name() + ").");
            return ExitCode.OK;
        }
    }

    @Command(name = "enable", description = "Let a disabled key work again.")
    static final class Enable extends OneKey {
        @Option(names = "--permission", paramLabel = "SET")
        String permission;

        @Override
        public String usage() {
            return "keys enable ID [--permission SET]";
        }

        @Override
        public int run(Context ctx) {
            long keyId = id();
            PermissionSet chosen = permission != null ? PermissionSet.parse(permission) : null;
            ApiKey key = ctx.services().keys().enable(ctx.signIn(), keyId, chosen);
            ctx.err.println("Enabled key " + key.id() + " (" + key.name() + ") with permission set "
                    + key.permissionSet().wireName() + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", description = "End a key for good.")
    static final class Revoke extends OneKey {
        @Override
        public String usage() {
            return "keys revoke ID";
        }

        @Override
        public int run(Context ctx) {
            long keyId = id();
            ctx.services().keys().revoke(ctx.signIn(), keyId);
            ctx.err.println("Revoked key " + keyId + ". It can never authenticate again.");
            return ExitCode.OK;
        }
    }

    @Command(name = "replace", description = "Revoke a key and create it anew; prints the new secret.")
    static final class Replace extends OneKey {
        @Option(names = "--json")
        boolean json;

        @Override
        public String usage() {
            return "keys replace ID [--json]";
        }

        @Override
        public int run(Context ctx) {
            long keyId = id();
            IssuedKey issued = ctx.services().keys().replace(ctx.signIn(), keyId);
            ctx.err.println("Revoked key " + keyId + " and created key " + issued.key().id() + " in its place.");
            printIssued(ctx, issued, json);
            return ExitCode.OK;
        }
    }

    /** Reads the key from stdin, never from an argument: arguments end up in shell history and process lists. */
    @Command(name = "verify", description = "Check the key on standard input; exit 0 and its JSON if it authenticates.")
    static final class Verify implements CliCommand {
        @Override
        public String usage() {
            return "keys verify   (the key on standard input)";
        }

        @Override
        public int run(Context ctx) {
            String presented = ctx.readLine();
            ApiKey key = ctx.services().verifier().verify(presented == null ? "" : presented);
            ctx.out.println(Json.write(KeyView.fields(key, ctx.clock().instant())));
            return ExitCode.OK;
        }
    }

    @Command(name = "export", description = "The inventory as CSV or JSON, never a secret.")
    static final class Export implements CliCommand {
        @Option(names = "--format", paramLabel = "csv|json")
        String format;

        @Override
        public String usage() {
            return "keys export --format csv|json";
        }

        @Override
        public int run(Context ctx) {
            String chosen = CliCommand.required(format, "--format", "csv|json");
            Session session = ctx.signIn();
            Instant now = ctx.clock().instant();
            KeySink sink = switch (chosen) {
                case "json" -> KeySink.json(ctx.out, now);
                case "csv" -> KeySink.csv(ctx.out, now);
                default -> throw new ValidationException("format", "Unknown export format \""
                        + com.keydesk.domain.Texts.printable(chosen) + "\"; choose csv or json.");
            };
            write(ctx, session, key -> true, sink);
            return ExitCode.OK;
        }
    }

    static long id(String text) {
        // ASCII digits only: Long.parseLong also reads other scripts' digits ("١" is 1).
        if (text.matches("[0-9]{1,18}")) {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        }
        throw new ValidationException("id", "A key id is a positive number, as 'keys list' shows (got \""
                + com.keydesk.domain.Texts.printable(text) + "\").");
    }

    /** A date means the start of that day where the person is: the key stops working when the day begins. */
    static Instant expiry(String text) {
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException("expires", "The expiry must be a real date written YYYY-MM-DD (got \""
                    + com.keydesk.domain.Texts.printable(text) + "\").");
        }
    }
}
