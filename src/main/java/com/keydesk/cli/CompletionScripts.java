package com.keydesk.cli;

import picocli.AutoComplete;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the shell completion scripts from the commands' declarations, so that they can never
 * miss a command or an option: {@code keydesk} for bash (picocli's script) and {@code _keydesk}
 * for zsh (the same script through zsh's bashcompinit). Run by the build (process-classes, into
 * target/completion); the .deb installs both (packaging/linux/postinst).
 */
public final class CompletionScripts {
    /** Where the .deb puts the bash script, which the zsh one reads. */
    static final String BASH_INSTALLED = "/usr/share/bash-completion/completions/keydesk";

    private CompletionScripts() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keydesk"), bash(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_keydesk"), zsh(), StandardCharsets.UTF_8);
    }

    static String bash() {
        return AutoComplete.bash("keydesk", Commands.root());
    }

    /** zsh runs this file as the body of _keydesk on the first completion: it loads the bash script and answers. */
    static String zsh() {
        return """
                #compdef keydesk
                # KeyDesk's completion for zsh: the bash script (generated from the commands' declarations)
                # through zsh's bash-completion emulation.
                autoload -U +X bashcompinit && bashcompinit
                source %s
                _bash_complete -F _complete_keydesk "$@"
                """.formatted(BASH_INSTALLED);
    }
}
