package com.keydesk.cli;

import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import com.keydesk.domain.ValidationException;
import com.keydesk.format.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code init}, {@code passwd} and {@code settings ...}. */
final class SetupCommands {
    private static final String SETTING = "users_can_create_api_keys";
    private static final String DEFAULT_PERMISSION = "default_permission_set";
    private static final String MAX_LIFETIME = "max_key_lifetime_days";
    private static final String NONE = "none";

    private SetupCommands() {
    }

    /** The only command that creates a store. Checks its input before touching the disk. */
    @Command(name = "init", description = "Create the store and its first administrator (password: KEYDESK_PASSWORD).")
    static final class Init implements CliCommand {
        @Option(names = "--site", paramLabel = "NAME")
        String site;
        @Option(names = "--admin", paramLabel = "USERNAME")
        String admin;

        @Override
        public String usage() {
            return "init --site NAME --admin USERNAME";
        }

        @Override
        public int run(Context ctx) {
            String siteName = CliCommand.required(site, "--site", "NAME");
            String adminName = CliCommand.required(admin, "--admin", "USERNAME");
            ctx.createStore(siteName, adminName, ctx.actingPassword());
            ctx.err.println("Created the KeyDesk store for " + siteName.strip() + " in " + ctx.where()
                    + " with administrator " + adminName.strip() + ".");
            return ExitCode.OK;
        }
    }

    /** The new password is the first line of standard input, never an argument. */
    @Command(name = "passwd", description = "Change your password; the new one is the first line of standard input.")
    static final class Passwd implements CliCommand {
        @Override
        public String usage() {
            return "passwd   (the new password on standard input)";
        }

        @Override
        public int run(Context ctx) {
            var services = ctx.services();
            var session = ctx.signIn();
            String replacement = ctx.readLine();
            if (replacement == null || replacement.isEmpty()) {
                throw new ValidationException("password", "Give the new password as the first line of standard input.");
            }
            services.users().changeOwnPassword(session, ctx.actingPassword(), replacement.toCharArray());
            ctx.err.println("Your password is changed.");
            return ExitCode.OK;
        }
    }

    @Command(name = "settings", description = "The site's settings.")
    static final class Settings {
    }

    /** The subcommands of settings by name; {@link Commands} builds only the one a command line names. */
    static final Map<String, Supplier<Object>> SETTINGS_SUBCOMMANDS = new Commands.Named()
            .add("show", Show::new)
            .add("set", SetValue::new)
            .map();

    @Command(name = "show", description = "Every setting and its value.")
    static final class Show implements CliCommand {
        @Option(names = "--json")
        boolean json;
        /** Words after "settings show" were always let pass: a script that gives some must keep working. */
        @Parameters(hidden = true)
        List<String> ignored;

        @Override
        public String usage() {
            return "settings show [--json]";
        }

        @Override
        public int run(Context ctx) {
            Site site = ctx.services().site().site(ctx.signIn());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("site", site.name());
            fields.put(SETTING, site.usersCanCreateApiKeys());
            fields.put(DEFAULT_PERMISSION, site.defaultPermissionSet().wireName());
            fields.put(MAX_LIFETIME, site.maxKeyLifetimeDays());
            if (json) {
                ctx.out.println(Json.write(fields));
            } else {
                fields.forEach((k, v) -> ctx.out.println(k + ": " + (v == null ? NONE : v)));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = "Change one setting.")
    static final class SetValue implements CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "SETTING",
                completionCandidates = SettingNames.class, description = "One of: ${COMPLETION-CANDIDATES}.")
        String setting;
        @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE")
        String value;

        @Override
        public String usage() {
            return "settings set SETTING VALUE";
        }

        @Override
        public int run(Context ctx) {
            String name = required(setting);
            required(value);
            if (!List.of(SETTING, DEFAULT_PERMISSION, MAX_LIFETIME).contains(name)) {
                throw new ValidationException("setting", "Unknown setting \"" + com.keydesk.domain.Texts.printable(name)
                        + "\"; the settings are " + SETTING + ", " + DEFAULT_PERMISSION + " and " + MAX_LIFETIME + ".");
            }
            var session = ctx.signIn();
            String now = switch (name) {
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
                default -> throw new IllegalStateException(name);
            };
            ctx.err.println(name + " is now " + now + ".");
            return ExitCode.OK;
        }
    }

    /** The setting names, for the completion scripts. */
    static final class SettingNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(SETTING, DEFAULT_PERMISSION, MAX_LIFETIME).iterator();
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
