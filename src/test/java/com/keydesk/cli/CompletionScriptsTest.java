package com.keydesk.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completion scripts the build generates (target/completion, by CompletionScripts in
 * process-classes) offer every command and every option, so a command added to the command line
 * is offered by the shell without anyone remembering to.
 */
class CompletionScriptsTest {
    private static final Path BUILT = Path.of("target", "completion");

    @Test
    void theBuiltBashScriptNamesEveryCommandAndOption() throws IOException {
        String script = Files.readString(BUILT.resolve("keydesk"));
        CommandLine root = Commands.root();

        assertThat(script).as("the command words offered after keydesk")
                .contains("local commands=\"" + String.join(" ", root.getSubcommands().keySet()) + "\"");
        List<String> commands = everyCommand(root, "");
        assertThat(commands).contains("init", "keys list", "users unlock", "audit trust-current", "settings set",
                "scan", "serve", "restore", "demo-data", "help", "version");
        for (String command : commands) {
            CommandLine line = find(root, command);
            if (!line.getSubcommands().isEmpty()) {
                assertThat(script).as("the subcommands offered after " + command)
                        .contains("local commands=\"" + String.join(" ", line.getSubcommands().keySet()) + "\"");
            }
            assertThat(script).as("the completion of " + command)
                    .contains("function _picocli_keydesk_" + command.replace("-", "").replace(' ', '_') + "()");
            for (String option : line.getCommandSpec().optionsMap().keySet()) {
                assertThat(script).as(command + "'s option " + option).contains(option);
            }
        }
        assertThat(script).contains("users_can_create_api_keys");
    }

    @Test
    void theBuiltScriptIsTheOneTheDeclarationsGiveToday() throws IOException {
        assertThat(Files.readString(BUILT.resolve("keydesk"))).isEqualTo(CompletionScripts.bash());
        assertThat(Files.readString(BUILT.resolve("_keydesk")))
                .startsWith("#compdef keydesk\n")
                .contains("source " + CompletionScripts.BASH_INSTALLED);
    }

    @Test
    void everyCommandWordIsInTheCompletionTree() {
        assertThat(Commands.root().getSubcommands().keySet())
                .containsAll(Commands.TOP.keySet())
                .contains("help", "version");
    }

    private static CommandLine find(CommandLine root, String command) {
        CommandLine line = root;
        for (String word : command.split(" ")) {
            line = line.getSubcommands().get(word);
        }
        return line;
    }

    @Test
    void eachCommandIsRegisteredUnderTheNameItDeclares() {
        CommandLine root = Commands.root();
        for (String command : everyCommand(root, "")) {
            CommandLine line = find(root, command);
            String declared = line.getCommand().getClass().getAnnotation(CommandLine.Command.class).name();
            assertThat(command).endsWith(declared);
        }
    }

    /** Every command and subcommand, as "keys list". */
    private static List<String> everyCommand(CommandLine line, String prefix) {
        List<String> names = new ArrayList<>();
        line.getSubcommands().forEach((name, sub) -> {
            names.add(prefix + name);
            names.addAll(everyCommand(sub, prefix + name + " "));
        });
        return names;
    }
}
