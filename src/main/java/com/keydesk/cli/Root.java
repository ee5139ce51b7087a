package com.keydesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keydesk} itself: the options before the command word. {@link Cli} reads them (and
 * {@code help} and {@code --version}) before picocli sees the rest; they are declared here for
 * the help and the completion scripts.
 */
@Command(name = "keydesk", description = "Administer site-wide and user API keys. With no command, keydesk starts the desktop app.")
final class Root {
    @Option(names = "--data", paramLabel = "DIR", description = "The local store's folder (else KEYDESK_HOME).")
    String data;

    @Option(names = "--store", paramLabel = "postgresql://USER@HOST/DB", description = "A team store (else KEYDESK_STORE).")
    String store;

    @Option(names = "--user", paramLabel = "NAME", description = "Who is acting (else KEYDESK_USER).")
    String user;

    @Option(names = "--version", description = "Print KeyDesk's version.")
    boolean version;

    @Command(name = "help", description = "The command-line reference.")
    static final class Help {
    }

    @Command(name = "version", description = "Print KeyDesk's version.")
    static final class Version {
    }
}
