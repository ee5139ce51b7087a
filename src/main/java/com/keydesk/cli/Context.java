package com.keydesk.cli;

import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.StorePlace;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.Witness;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** One command's world: where the store is, the open store, who is acting, and the three streams. */
final class Context implements AutoCloseable {
    private final StoreAccess stores;
    private final StorePlace address;
    private final String username;
    private final Map<String, String> env;
    private final BufferedReader stdin;
    private final InputStream stdinBytes;
    final PrintStream out;
    final PrintStream err;
    private final Clock clock;
    private StoreAccess.Open open;
    private Services services;
    private Witness witness;
    /** What the witness found wrong with the store's history when it was opened; null when nothing. */
    private String historyProblem;
    /** Set when KeyDesk itself just replaced the store (restore): its history is taken as it is. */
    private boolean replacedOnPurpose;

    Context(StorePlace address, String username, Map<String, String> env, InputStream in, PrintStream out,
            PrintStream err, Clock clock) {
        this(StoreAccess.installed(), address, username, env, in, out, err, clock);
    }

    Context(StoreAccess stores, StorePlace address, String username, Map<String, String> env, InputStream in,
            PrintStream out, PrintStream err, Clock clock) {
        this.stores = stores;
        this.address = address;
        this.username = username;
        this.env = env;
        this.stdin = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.stdinBytes = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** The services over the existing store; a missing store is an error, never created here. */
    Services services() {
        if (services == null) {
            attach(stores.open(address, clock, env));
        }
        return services;
    }

    /** Creates the store, its site and first administrator (service/StoreCreation): only init does this. */
    void createStore(String site, String admin, char[] password) {
        open = stores.create(address, site, admin, password, clock, env);
        services = open.services();
        // a new store here replaces whatever this installation remembered of an earlier one
        witness = open.witness();
        witness.remember();
    }

    /** Closes the store so that its file can be replaced; the next services() call opens it again. */
    void closeStore() {
        close();
        open = null;
        services = null;
    }

    private void attach(StoreAccess.Open opened) {
        open = opened;
        services = opened.services();
        witness = opened.witness();
        if (replacedOnPurpose) {
            replacedOnPurpose = false;
            witness.remember();
        }
        historyProblem = witness.check().orElse(null);
        if (historyProblem != null) {
            err.println("keydesk: warning: " + historyProblem + " Run 'keydesk audit verify'.");
        }
    }

    /**
     * The store was just replaced through KeyDesk (a restore): the next open takes its history as
     * this installation's memory instead of warning that it went back.
     */
    void replacedOnPurpose() {
        replacedOnPurpose = true;
    }

    /** The installation's memory of this store's history (see {@link Witness}). */
    Witness witness() {
        services();
        return witness;
    }

    /** The witness's finding when the store was opened, or null. */
    String historyProblem() {
        services();
        return historyProblem;
    }

    /** Signs the acting user in with --user / KEYDESK_USER and KEYDESK_PASSWORD (or a terminal prompt). */
    Session signIn() {
        Services s = services();
        if (username == null || username.isBlank()) {
            throw new AuthenticationException("Say who is acting: --user NAME or KEYDESK_USER.");
        }
        return s.auth().signIn(username, actingPassword());
    }

    char[] actingPassword() {
        String fromEnv = env.get("KEYDESK_PASSWORD");
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("Password for %s: ", username);
            if (typed != null) {
                return typed;
            }
        }
        throw new AuthenticationException("No password given: set KEYDESK_PASSWORD or run in a terminal.");
    }

    /** The first line of standard input, or null at its end. */
    String readLine() {
        try {
            return stdin.readLine();
        } catch (IOException e) {
            throw new UsageException("Could not read standard input: " + e.getMessage());
        }
    }

    /** Standard input as bytes, for a command that reads it whole as data (scan -); never mixed with readLine. */
    InputStream stdinBytes() {
        return stdinBytes;
    }

    /** Whether a store exists where this command looks for one (scan works without one). */
    boolean storeExists() {
        return stores.exists(address);
    }

    /** Whether someone was named to act (--user or KEYDESK_USER). */
    boolean hasUser() {
        return username != null && !username.isBlank();
    }

    Clock clock() {
        return clock;
    }

    /** The local store's folder, or null when this command works on a team store. */
    java.nio.file.Path localFolder() {
        return stores.localFolder(address);
    }

    /** The wiring that opens and restores stores. */
    StoreAccess stores() {
        return stores;
    }

    /** The store this command works on. */
    StorePlace address() {
        return address;
    }

    /** What names the store in a sentence: its folder, or the team store's URL (never a password). */
    String where() {
        return address.display();
    }

    /** Remembers how far the store's history went, unless it was wrong when opened: the warning must stay. */
    @Override
    public void close() {
        if (open != null) {
            try {
                if (historyProblem == null && witness != null) {
                    witness.remember().ifPresent(why -> err.println("keydesk: warning: " + why));
                }
            } catch (RuntimeException e) {
                // the store could not be read at the end (the command's own failure, say a full disk, was
                // reported already): the memory stays where it was, which the store still holds
            } finally {
                open.close().run();
            }
        }
    }
}
