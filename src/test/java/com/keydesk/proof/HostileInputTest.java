package com.keydesk.proof;

import com.keydesk.cli.CliHarness;
import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over 150 bad inputs through the command line: each is refused with one sentence and its
 * documented exit code, and the keys, users and settings are exactly as before.
 */
class HostileInputTest {
    private static final String PW = "correct horse battery staple 1";
    private static final List<String> BAD_TEXT = List.of("", "   ", "\t", "a\u0000b", "line\nbreak", "carriage\rreturn",
            "bell\u0007", "esc\u001b[31mred", "rtl\u202Eexe.txt", "isolate\u2066x\u2069", "mark\u200F", "arabic\u061Cmark",
            "sep\u2028line", "para\u2029graph", "x".repeat(101), "🔑".repeat(101), "d".repeat(10_000));
    private static final List<String> BAD_DATES = List.of("2001-01-01", "2026-05-31", "2026-13-01", "2026-02-30", "0000-00-00",
            "tomorrow", "", " ", "2026/07/01", "01-07-2026", "99999-01-01", "2026-7-1", "2026-07-01T00:00", "🗓️",
            "'; DROP TABLE api_key; --", "1970-01-01");
    private static final List<String> BAD_PERMISSIONS = List.of("root", "none", "", "admin", "full;drop", "🔑", "files only",
            "FULL_ACCESS", "desktop-app", "' OR 1=1 --");
    private static final List<String> BAD_IDS = List.of("abc", "-1", "0", "1e3", "99999999999999999999", "", " ", "1; DROP TABLE api_key",
            "0x1", "١", "1.5");
    private static final List<String> BAD_KEYS = List.of("", " ", "kd", "not a key", "' OR 1=1 --", "🔑🔑🔑", "x".repeat(5000));
    private static final List<String> BAD_USERNAMES = List.of("", " ", "a b", "x".repeat(65), "bob;drop", "🙂", "rtl\u202Ebob",
            "tab\tbob", "' OR '1'='1", "ALICE", "Alice");
    private static final List<String> BAD_PASSWORDS = List.of("", "short", "           ", "x".repeat(1025));

    @TempDir
    static Path temp;
    private static CliHarness alice;
    private static String validKey;
    private static String keysBefore;
    private static String usersBefore;
    private static String settingsBefore;

    @BeforeAll
    static void store() {
        alice = new CliHarness(temp.resolve("store"), new MutableClock()).as("alice", PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        validKey = alice.run("keys", "create", "--site", "--name", "Real key").out().strip();
        alice.withStdin("bob password 12345\n", "users", "add", "bob");
        alice.run("keys", "create", "--for", "bob", "--name", "Bob key", "--permission", "files_only");
        keysBefore = alice.run("keys", "export", "--format", "json").out();
        usersBefore = alice.run("users", "list", "--json").out();
        settingsBefore = alice.run("settings", "show", "--json").out();
    }

    @TestFactory
    Stream<DynamicTest> eachBadInputIsRefusedWithASentenceAndChangesNothing() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            var result = c.stdin() == null ? alice.run(c.args()) : alice.withStdin(c.stdin(), c.args());
            assertThat(result.exit()).as("exit code for %s; stderr %s", c.label(), result.err()).isEqualTo(c.exit());
            assertThat(result.err().strip()).as("stderr").startsWith("keydesk: ").doesNotContain("\n")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(alice.run("keys", "export", "--format", "json").out()).isEqualTo(keysBefore);
            assertThat(alice.run("users", "list", "--json").out()).isEqualTo(usersBefore);
            assertThat(alice.run("settings", "show", "--json").out()).isEqualTo(settingsBefore);
        }));
    }

    record Case(String label, int exit, String stdin, String... args) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String text : BAD_TEXT) {
            cases.add(new Case("site key name " + shown(text), 6, null, "keys", "create", "--site", "--name", text));
            cases.add(new Case("user key name " + shown(text), 6, null, "keys", "create", "--for", "bob", "--name", text));
            cases.add(new Case("rename to " + shown(text), 6, null, "keys", "update", "1", "--name", text));
        }
        cases.add(new Case("description too long", 6, null, "keys", "create", "--site", "--name", "n", "--description", "d".repeat(1001)));
        cases.add(new Case("description with bidi override", 6, null, "keys", "create", "--site", "--name", "n", "--description", "a\u202Eb"));
        cases.add(new Case("description with escape", 6, null, "keys", "update", "1", "--description", "\u001b[2J"));
        for (String date : BAD_DATES) {
            cases.add(new Case("create expiring " + shown(date), 6, null, "keys", "create", "--site", "--name", "n", "--expires", date));
            cases.add(new Case("update expiring " + shown(date), 6, null, "keys", "update", "1", "--expires", date));
        }
        for (String set : BAD_PERMISSIONS) {
            cases.add(new Case("create with permission " + shown(set), 6, null, "keys", "create", "--for", "bob", "--name", "n", "--permission", set));
            cases.add(new Case("enable with permission " + shown(set), set.equals("none") ? 10 : 6, null, "keys", "enable", "2", "--permission", set));
        }
        cases.add(new Case("site key with a lesser permission set", 6, null, "keys", "create", "--site", "--name", "n", "--permission", "files_only"));
        for (String id : BAD_IDS) {
            for (String verb : List.of("show", "disable", "revoke", "replace")) {
                cases.add(new Case(verb + " id " + shown(id), 6, null, "keys", verb, id));
            }
        }
        for (String verb : List.of("show", "disable", "enable", "revoke", "replace")) {
            cases.add(new Case(verb + " a missing key", 5, null, "keys", verb, "424242"));
        }
        for (String owner : List.of("nobody", "' OR 1=1 --", "🙂", "x".repeat(300))) {
            cases.add(new Case("key for unknown user " + shown(owner), 5, null, "keys", "create", "--for", owner, "--name", "n"));
        }
        cases.addAll(nearMissKeys());
        for (String key : BAD_KEYS) {
            cases.add(new Case("verify " + shown(key), 7, key + "\n", "keys", "verify"));
        }
        for (String name : BAD_USERNAMES) {
            int exit = name.equalsIgnoreCase("alice") ? 10 : 6;
            cases.add(new Case("add user " + shown(name), exit, "a fine password 1\n", "users", "add", name));
        }
        for (String password : BAD_PASSWORDS) {
            cases.add(new Case("add user with password " + shown(password), 6, password + "\n", "users", "add", "carol"));
        }
        cases.add(new Case("deactivate unknown user", 5, null, "users", "deactivate", "nobody"));
        cases.add(new Case("deactivate the last administrator", 10, null, "users", "deactivate", "alice"));
        cases.add(new Case("demote the last administrator", 10, null, "users", "demote", "alice"));
        cases.add(new Case("unknown setting", 6, null, "settings", "set", "users_can_delete_everything", "true"));
        cases.add(new Case("setting value yes", 6, null, "settings", "set", "users_can_create_api_keys", "yes"));
        cases.add(new Case("setting value empty", 6, null, "settings", "set", "users_can_create_api_keys", ""));
        cases.add(new Case("export as xml", 6, null, "keys", "export", "--format", "xml"));
        cases.add(new Case("list status sleepy", 6, null, "keys", "list", "--status", "sleepy"));
        cases.add(new Case("unknown command", 2, null, "frobnicate"));
        cases.add(new Case("unknown keys command", 2, null, "keys", "delete-all"));
        cases.add(new Case("unknown option", 2, null, "keys", "list", "--all"));
        cases.add(new Case("both site and owner", 2, null, "keys", "create", "--site", "--for", "bob", "--name", "n"));
        cases.add(new Case("option without value", 2, null, "keys", "create", "--site", "--name"));
        cases.add(new Case("option twice", 2, null, "keys", "create", "--site", "--name", "a", "--name", "b"));
        cases.add(new Case("--data with a semicolon", 6, null, "--data", "/tmp/x;AUTO_SERVER=TRUE", "keys", "list"));
        cases.add(new Case("--data empty", 6, null, "--data", "", "keys", "list"));
        cases.add(new Case("--data with a control character", 6, null, "--data", "/tmp/a\u0001b", "keys", "list"));
        cases.add(new Case("--data where no store is", 8, null, "--data", temp.resolve("nowhere/deeper").toString(), "keys", "list"));
        cases.add(new Case("--data naming a file", 8, null, "--data", "/etc/hostname", "keys", "list"));
        cases.add(new Case("init over an existing store", 10, null, "init", "--site", "Again", "--admin", "alice"));
        return cases;
    }

    /** A real key with one thing wrong: checksum, length, prefix, padding, case. */
    private static List<Case> nearMissKeys() {
        String k = validKey;
        char last = k.charAt(k.length() - 1);
        List<String> misses = List.of(
                k.substring(0, k.length() - 1) + (last == 'x' ? 'y' : 'x'),
                k.substring(0, k.length() - 1),
                k.substring(0, 20),
                k + "x",
                "x" + k,
                k.replaceFirst("^kd", "gh"),
                k.replaceFirst("^kds", "kdu"),
                k.toUpperCase(),
                k.toLowerCase(),
                k.substring(0, 30) + " " + k.substring(30),
                k.replace('_', '-'),
                k.substring(0, 17) + k.substring(18) + "A");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < misses.size(); i++) {
            cases.add(new Case("near-miss key " + (i + 1), 7, misses.get(i) + "\n", "keys", "verify"));
        }
        return cases;
    }

    private static String shown(String text) {
        String flat = text.codePoints().limit(24)
                .collect(StringBuilder::new, (b, cp) -> b.append(Character.isISOControl(cp) ? "\\u" + Integer.toHexString(cp)
                        : new String(Character.toChars(cp))), StringBuilder::append).toString();
        return "\"" + flat + (text.length() > 24 ? "…(" + text.length() + ")" : "") + "\"";
    }
}
