package com.keydesk.cli;

/** The command-line reference, also in the README. */
final class Help {
    static final String TEXT = """
            Usage: keydesk [--data DIR | --store postgresql://USER@HOST/DB] [--user NAME] COMMAND ...
              With no command, keydesk starts the desktop app.

            Environment: KEYDESK_HOME (= --data), KEYDESK_STORE (= --store, a team store),
                         KEYDESK_STORE_PASSWORD (the team store's password; else PGPASSWORD
                         or ~/.pgpass), KEYDESK_USER (= --user),
                         KEYDESK_PASSWORD (the acting user's password)

              --version
              init --site NAME --admin USERNAME      first administrator's password: KEYDESK_PASSWORD
              passwd                                 change your password; the new one: first line of stdin
              users add USERNAME [--admin] [--display-name TEXT]   password: first line of stdin
              users list [--json]
              users deactivate USERNAME | users activate USERNAME
              users promote USERNAME [--yes] | users demote USERNAME
              users unlock USERNAME                  end USERNAME's sign-in wait (administrators)
              users unlock USERNAME --as-store-owner without sign-in, as the OS account owning the store file
              users reset-password USERNAME          temporary password: first line of stdin; changed at sign-in
              users rename USERNAME DISPLAY_NAME     an empty DISPLAY_NAME removes it
              settings show [--json]
              settings set users_can_create_api_keys true|false
              settings set default_permission_set SET          what a user key gets without --permission
              settings set max_key_lifetime_days DAYS|none     the longest expiry a non-administrator may set
              keys create (--site | --for USERNAME) --name NAME [--description TEXT]
                          [--expires YYYY-MM-DD] [--permission SET] [--json]
              keys list [--json] [--status active|disabled|expired|owner_deactivated]
              keys show ID [--json]
              keys update ID [--name NAME] [--description TEXT] [--expires YYYY-MM-DD | --no-expiry]
              keys disable ID | keys enable ID [--permission SET] | keys revoke ID
              keys replace ID [--json]               revoke and create anew; prints the new secret
              keys verify                            the key on stdin; exit 0 and its JSON if it authenticates
              keys export --format csv|json          the inventory, never a secret
              audit list [--json] | audit verify [--checkpoint SEQ:HASH]
              audit checkpoint                       the head of the history (SEQ:HASH), to keep elsewhere
              audit trust-current --yes              accept the history as it is now (after a warning)
              backup FILE                            a consistent copy of the open store (a zip of JSON lines)
              demo-data --keys N [--users N]         fill a store made for demos/benchmarks (refuses real keys)
              scan PATH... [--git | --staged] [--respect-gitignore] [--format text|json|sarif]
                   [--revoke [--yes]]                find leaked KeyDesk keys (- reads stdin); exit 12 if any
              serve [--listen HOST:PORT] [--tls-cert PEM --tls-key PEM] [--insecure-http]
                                                     the Files.com-compatible HTTP API (default 127.0.0.1:8443);
                                                     a non-loopback address needs TLS or --insecure-http
              restore FILE --yes                     replace the store with a backup; the old one is kept beside it
                [--other-site]                       also confirms a backup of another site

            Exit codes: 0 ok, 2 usage, 3 sign-in failed, 4 permission denied, 5 not found,
              6 invalid input, 7 key rejected, 8 no usable store, 9 store in use, 10 conflict,
              11 store changed outside KeyDesk (audit log, a row, or history rolled back),
              12 leaked keys found (scan),
              1 unexpected error.
            """;

    private Help() {
    }
}
