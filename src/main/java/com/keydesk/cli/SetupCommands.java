package com.keydesk.cli;

import com.keydesk.format.Json;
import com.keydesk.domain.Site;
import com.keydesk.domain.ValidationException;
import com.keydesk.service.Services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code init}, {@code passwd} and {@code settings ...}. */
final class SetupCommands {
    private static final String SETTING = "users_can_create_api_keys";

    private SetupCommands() {
    }

    /** The only command that creates a store. Checks its input before touching the disk. */
    static void init(Context ctx, List<String> words) {
        Args args = Args.parse(words, Set.of("--site", "--admin"), Set.of());
        args.positional(0, "init --site NAME --admin USERNAME");
        String site = args.required("--site", "NAME");
        String admin = args.required("--admin", "USERNAME");
        ctx.createStore(site, admin, ctx.actingPassword());
        ctx.err.println("Created the KeyDesk store for " + site.strip() + " in " + ctx.where()
                + " with administrator " + admin.strip() + ".");
    }

    static void changePassword(Context ctx, List<String> words) {
        Args.parse(words, Set.of(), Set.of()).positional(0, "passwd   (the new password on standard input)");
        var services = ctx.services();
        var session = ctx.signIn();
        String replacement = ctx.readLine();
        if (replacement == null || replacement.isEmpty()) {
            throw new ValidationException("password", "Give the new password as the first line of standard input.");
        }
        services.users().changeOwnPassword(session, ctx.actingPassword(), replacement.toCharArray());
        ctx.err.println("Your password is changed.");
    }

    static void settings(Context ctx, String sub, List<String> words) {
        switch (sub) {
            case "show" -> {
                Args args = Args.parse(words, Set.of(), Set.of("--json"));
                Site site = ctx.services().site().site(ctx.signIn());
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("site", site.name());
                fields.put(SETTING, site.usersCanCreateApiKeys());
                if (args.has("--json")) {
                    ctx.out.println(Json.write(fields));
                } else {
                    fields.forEach((k, v) -> ctx.out.println(k + ": " + v));
                }
            }
            case "set" -> {
                List<String> kv = Args.parse(words, Set.of(), Set.of()).positional(2, "settings set " + SETTING + " true|false");
                if (!kv.get(0).equals(SETTING)) {
                    throw new ValidationException("setting", "Unknown setting \"" + com.keydesk.domain.Texts.printable(kv.get(0))
                            + "\"; the one setting is " + SETTING + ".");
                }
                boolean allowed = switch (kv.get(1)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new ValidationException("value", SETTING + " is true or false.");
                };
                ctx.services().site().setUsersCanCreateApiKeys(ctx.signIn(), allowed);
                ctx.err.println(SETTING + " is now " + allowed + ".");
            }
            default -> throw Commands.unknown("settings", sub);
        }
    }
}
