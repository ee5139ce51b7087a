package com.keydesk.cli;

/** The command-line reference, also in the README. */
final class Help {
    static final String TEXT = """
            Usage: keydesk [--data DIR] [--user NAME] COMMAND ...
              With no command, keydesk starts the desktop app.

            Environment: KEYDESK_HOME (= --data), KEYDESK_USER (= --user),
                         KEYDESK_PASSWORD (the acting user's password)

              --version
              init --site NAME --admin USERNAME      first administrator's password: KEYDESK_PASSWORD
              passwd                                 change your password; the new one: first line of stdin
              users add USERNAME [--admin] [--display-name TEXT]   password: first line of stdin
              users list [--json]
              users deactivate USERNAME | users activate USERNAME
              users promote USERNAME [--yes] | users demote USERNAME
              settings show [--json]
              settings set users_can_create_api_keys true|false
              keys create (--site | --for USERNAME) --name NAME [--description TEXT]
                          [--expires YYYY-MM-DD] [--permission SET] [--json]
              keys list [--json] [--status active|disabled|expired]
              keys show ID [--json]
              keys update ID [--name NAME] [--description TEXT] [--expires YYYY-MM-DD | --no-expiry]
              keys disable ID | keys enable ID [--permission SET] | keys revoke ID
              keys replace ID [--json]               revoke and create anew; prints the new secret
              keys verify                            the key on stdin; exit 0 and its JSON if it authenticates
              keys export --format csv|json          the inventory, never a secret
              audit list [--json] | audit verify
              backup FILE                            a consistent copy of the open store (a zip)
              demo-data --keys N [--users N]         fill a store made for demos/benchmarks (refuses real keys)
              scan PATH... [--git | --staged] [--respect-gitignore] [--format text|json|sarif]
                   [--revoke [--yes]]                find leaked KeyDesk keys (- reads stdin); exit 12 if any
              restore FILE --yes                     replace the store with a backup; the old one is kept beside it

            Exit codes: 0 ok, 2 usage, 3 sign-in failed, 4 permission denied, 5 not found,
              6 invalid input, 7 key rejected, 8 no usable store, 9 store in use, 10 conflict,
              11 audit log tampered with, 12 leaked keys found (scan),
              1 unexpected error.
            """;

    private Help() {
    }
}
