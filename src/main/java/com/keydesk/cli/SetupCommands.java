package com.keydesk.cli;

import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import com.keydesk.domain.ValidationException;
import com.keydesk.format.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code init}, {@code passwd} and {@code settings ...}. */
final class SetupCommands {
    private static final String SETTING = "users_can_create_api_keys";
    private static final String DEFAULT_PERMISSION = "default_permission_set";
    private static final String MAX_LIFETIME = "max_key_lifetime_days";
    private static final String NONE = "none";

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
                fields.put(DEFAULT_PERMISSION, site.defaultPermissionSet().wireName());
                fields.put(MAX_LIFETIME, site.maxKeyLifetimeDays());
                if (args.has("--json")) {
                    ctx.out.println(Json.write(fields));
                } else {
                    fields.forEach((k, v) -> ctx.out.println(k + ": " + (v == null ? NONE : v)));
                }
            }
            case "set" -> {
                List<String> kv = Args.parse(words, Set.of(), Set.of()).positional(2, "settings set SETTING VALUE");
                String value = kv.get(1);
                if (!List.of(SETTING, DEFAULT_PERMISSION, MAX_LIFETIME).contains(kv.get(0))) {
                    throw new ValidationException("setting", "Unknown setting \"" + com.keydesk.domain.Texts.printable(kv.get(0))
                            + "\"; the settings are " + SETTING + ", " + DEFAULT_PERMISSION + " and " + MAX_LIFETIME + ".");
                }
                var session = ctx.signIn();
                String now = switch (kv.get(0)) {
                    case SETTING -> {
                        boolean allowed = switch (value) {
                            case "true" -> true;
                            case "false" -> false;
                            default -> throw new ValidationException("value", SETTING + " is true or false.");
                        };
                        yield String.valueOf(ctx.services().site().setUsersCanCreateApiKeys(session, allowed)
                                .usersCanCreateApiKeys());
                    }
                    case DEFAULT_PERMISSION -> ctx.services().site()
                            .setDefaultPermissionSet(session, PermissionSet.parse(value)).defaultPermissionSet().wireName();
                    case MAX_LIFETIME -> {
                        Integer days = ctx.services().site().setMaxKeyLifetimeDays(session, days(value)).maxKeyLifetimeDays();
                        yield days == null ? NONE : days + " days";
                    }
                    default -> throw new IllegalStateException(kv.get(0));
                };
                ctx.err.println(kv.get(0) + " is now " + now + ".");
            }
            default -> throw Commands.unknown("settings", sub);
        }
    }

    /** A number of days, or "none" for no maximum; the service checks the range. */
    private static Integer days(String value) {
        if (value.equals(NONE)) {
            return null;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw new ValidationException("value", MAX_LIFETIME + " is a number of days or none.");
        }
        return Integer.parseInt(value);
    }
}
