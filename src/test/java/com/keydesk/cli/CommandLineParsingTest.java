package com.keydesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What picocli added to the command line: --opt=value, "--" before arguments that look like
 * options, --help on every command, and the nearest command or option after a typo, on a second
 * line under the sentence scripts already know.
 */
class CommandLineParsingTest {
    private static final String PASSWORD = "correct horse battery staple 1";

    @TempDir
    Path temp;

    private CliHarness harness() {
        return new CliHarness(temp.resolve("store"), Clock.systemUTC()).as("alice", PASSWORD);
    }

    @Test
    void aMistypedSubcommandKeepsItsSentenceAndNamesTheNearestOne() {
        var result = harness().run("keys", "lst");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("keydesk: Unknown command 'keys lst'. Run 'keydesk help' for the list.\n"
                + "Did you mean 'list'?" + System.lineSeparator());
    }

    @Test
    void aSwappedPairOfLettersInTheCommandWordIsRecognised() {
        var result = harness().run("kyes", "list");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("keydesk: Unknown command \"kyes\". Run 'keydesk help' for the list.\n")
                .contains("Did you mean 'keys'?");
    }

    @Test
    void aMistypedOptionNamesTheNearestOptionOfThatCommand() {
        var result = harness().run("keys", "show", "--jsn", "1");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("keydesk: Unknown option --jsn.\n").contains("Did you mean '--json'?");
    }

    @Test
    void aValuePicocliRefusesIsEchoedWithoutTerminalControlCharacters() {
        // a script may pass on text from a file: an escape sequence must not reach the terminal
        var result = harness().run("keys", "show", "--json=\u001b]0;owned\u0007", "1");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("keydesk: ").contains("--json").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void theUsageOfKeysListNamesEveryStatusItAccepts() {
        var result = harness().run("keys", "list", "stray");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        for (com.keydesk.domain.KeyStatus status : com.keydesk.domain.KeyStatus.values()) {
            assertThat(result.err()).contains(status.wireName());
        }
    }

    @Test
    void nothingIsSuggestedForAWordFarFromEveryCommand() {
        var result = harness().run("frobnicate");

        assertThat(result.err()).isEqualTo("keydesk: Unknown command \"frobnicate\". Run 'keydesk help' for the list."
                + System.lineSeparator());
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        var result = harness().run("keys", "list", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Usage: keydesk keys list", "--status", "--json");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aGroupsHelpListsItsSubcommands() {
        var result = harness().run("users", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Usage: keydesk users", "add", "unlock", "promote");
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSign() {
        var cli = harness();
        assertThat(cli.run("init", "--site=Acme", "--admin=alice").exit()).isZero();

        var created = cli.run("keys", "create", "--site", "--name=Backup job", "--description=nightly");
        var shown = cli.run("keys", "show", "1", "--json");

        assertThat(created.exit()).isZero();
        assertThat(shown.out()).contains("\"name\": \"Backup job\"", "\"description\": \"nightly\"");
    }

    @Test
    void globalOptionsTakeTheirValueAfterAnEqualsSignToo() {
        var result = harness().run("--data=" + temp.resolve("nowhere"), "keys", "list");

        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.STORE_UNUSABLE);
        assertThat(Cli.hasCommandWord(new String[] {"--data=" + temp})).isFalse();
    }

    @Test
    void aDoubleDashEndsTheOptionsSoThatAnArgumentMayLookLikeOne() {
        var cli = harness();
        assertThat(cli.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();

        var result = cli.run("users", "add", "--", "--odd-name");

        assertThat(result.exit()).as(result.err()).isNotEqualTo(ExitCode.USAGE);
        assertThat(result.err()).doesNotContain("Unknown option");
    }
}
