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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** {@code keys ...}: create, list, show, update, disable, enable, revoke, replace, verify, export. */
final class KeyCommands {
    private KeyCommands() {
    }

    static void run(Context ctx, String sub, List<String> words) {
        switch (sub) {
            case "create" -> create(ctx, Args.parse(words,
                    Set.of("--for", "--name", "--description", "--expires", "--permission"), Set.of("--site", "--json")));
            case "list" -> list(ctx, Args.parse(words, Set.of("--status"), Set.of("--json")));
            case "show" -> show(ctx, Args.parse(words, Set.of(), Set.of("--json")));
            case "update" -> update(ctx, Args.parse(words, Set.of("--name", "--description", "--expires"),
                    Set.of("--no-expiry")));
            case "disable" -> {
                long id = id(Args.parse(words, Set.of(), Set.of()), "keys disable ID");
                ApiKey key = ctx.services().keys().disable(ctx.signIn(), id);
                ctx.err.println("Disabled key " + key.id() + " (" + key.name() + ").");
            }
            case "enable" -> enable(ctx, Args.parse(words, Set.of("--permission"), Set.of()));
            case "revoke" -> {
                long id = id(Args.parse(words, Set.of(), Set.of()), "keys revoke ID");
                ctx.services().keys().revoke(ctx.signIn(), id);
                ctx.err.println("Revoked key " + id + ". It can never authenticate again.");
            }
            case "replace" -> {
                Args args = Args.parse(words, Set.of(), Set.of("--json"));
                long id = id(args, "keys replace ID [--json]");
                IssuedKey issued = ctx.services().keys().replace(ctx.signIn(), id);
                ctx.err.println("Revoked key " + id + " and created key " + issued.key().id() + " in its place.");
                printIssued(ctx, issued, args.has("--json"));
            }
            case "verify" -> verify(ctx, Args.parse(words, Set.of(), Set.of()));
            case "export" -> export(ctx, Args.parse(words, Set.of("--format"), Set.of()));
            default -> throw Commands.unknown("keys", sub);
        }
    }

    private static void create(Context ctx, Args args) {
        args.positional(0, "keys create (--site | --for USERNAME) --name NAME [...]");
        boolean site = args.has("--site");
        String owner = args.option("--for");
        if (site == (owner != null)) {
            throw new UsageException("Give exactly one of --site or --for USERNAME.");
        }
        String name = args.required("--name", "NAME (why the key exists)");
        PermissionSet permission = args.has("--permission") ? PermissionSet.parse(args.option("--permission")) : null;
        Instant expires = args.has("--expires") ? expiry(args.option("--expires")) : null;
        NewKey request = site
                ? new NewKey(com.keydesk.domain.KeyType.SITE, null, name, args.option("--description"), permission, expires)
                : NewKey.forUser(owner, name, args.option("--description"), permission, expires);
        Services services = ctx.services();
        IssuedKey issued = services.keys().create(ctx.signIn(), request);
        if (issued.key().hasFullSitePower()) {
            ctx.err.println("Warning: this key can do anything on the site, including deleting all files and users.");
        }
        printIssued(ctx, issued, args.has("--json"));
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

    private static void list(Context ctx, Args args) {
        args.positional(0, "keys list [--json] [--status active|disabled|expired]");
        KeyStatus wanted = args.has("--status") ? KeyStatus.parse(args.option("--status")) : null;
        Instant now = ctx.clock().instant();
        KeySink sink = args.has("--json") ? KeySink.json(ctx.out, now) : KeySink.table(ctx.out, now);
        write(ctx, ctx.signIn(), key -> wanted == null || key.status(now) == wanted, sink);
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

    private static void show(Context ctx, Args args) {
        long id = id(args, "keys show ID [--json]");
        ApiKey key = ctx.services().keys().show(ctx.signIn(), id);
        Map<String, Object> fields = KeyView.fields(key, ctx.clock().instant());
        if (args.has("--json")) {
            ctx.out.println(Json.write(fields));
        } else {
            ctx.out.print(KeyView.showText(fields));
        }
    }

    private static void update(Context ctx, Args args) {
        long id = id(args, "keys update ID [--name NAME] [--description TEXT] [--expires YYYY-MM-DD | --no-expiry]");
        if (args.has("--expires") && args.has("--no-expiry")) {
            throw new UsageException("Give --expires or --no-expiry, not both.");
        }
        Instant expires = args.has("--expires") ? expiry(args.option("--expires")) : null;
        KeyEdit edit = new KeyEdit(args.option("--name"), args.option("--description"), expires, args.has("--no-expiry"));
        ApiKey key = ctx.services().keys().update(ctx.signIn(), id, edit);
        ctx.err.println("Updated key " + key.id() + " (" + key.name() + ").");
    }

    private static void enable(Context ctx, Args args) {
        long id = id(args, "keys enable ID [--permission SET]");
        PermissionSet chosen = args.has("--permission") ? PermissionSet.parse(args.option("--permission")) : null;
        ApiKey key = ctx.services().keys().enable(ctx.signIn(), id, chosen);
        ctx.err.println("Enabled key " + key.id() + " (" + key.name() + ") with permission set "
                + key.permissionSet().wireName() + ".");
    }

    /** Reads the key from stdin, never from an argument: arguments end up in shell history and process lists. */
    private static void verify(Context ctx, Args args) {
        args.positional(0, "keys verify   (the key on standard input)");
        String presented = ctx.readLine();
        ApiKey key = ctx.services().verifier().verify(presented == null ? "" : presented);
        ctx.out.println(Json.write(KeyView.fields(key, ctx.clock().instant())));
    }

    private static void export(Context ctx, Args args) {
        args.positional(0, "keys export --format csv|json");
        String format = args.required("--format", "csv|json");
        Session session = ctx.signIn();
        Instant now = ctx.clock().instant();
        KeySink sink = switch (format) {
            case "json" -> KeySink.json(ctx.out, now);
            case "csv" -> KeySink.csv(ctx.out, now);
            default -> throw new ValidationException("format", "Unknown export format \""
                    + com.keydesk.domain.Texts.printable(format) + "\"; choose csv or json.");
        };
        write(ctx, session, key -> true, sink);
    }

    static long id(Args args, String usage) {
        String text = args.positional(1, usage).getFirst();
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
