package com.keydesk.cli;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** One command's world: where the store is, the open store, who is acting, and the three streams. */
final class Context implements AutoCloseable {
    private final Path folder;
    private final String username;
    private final Map<String, String> env;
    private final BufferedReader stdin;
    private final InputStream stdinBytes;
    final PrintStream out;
    final PrintStream err;
    private final Clock clock;
    private Database db;
    private boolean folderExisted;
    private Services services;

    Context(Path folder, String username, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
            Clock clock) {
        this.folder = folder;
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
            attach(whileArgon2WarmsUp(() -> Database.open(folder)));
        }
        return services;
    }

    /** Creates the store: only init does this. */
    Services createStore() {
        folderExisted = java.nio.file.Files.exists(folder);
        attach(whileArgon2WarmsUp(() -> Database.create(folder)));
        return services;
    }

    /** Opens the store while Argon2 loads on a second thread; returns once both are done. */
    private static Database whileArgon2WarmsUp(java.util.function.Supplier<Database> opening) {
        var argon2 = Argon2WarmUp.start();
        try {
            return opening.get();
        } finally {
            argon2.awaitDone();
        }
    }

    /** Closes the store so that its file can be replaced; the next services() call opens it again. */
    void closeStore() {
        close();
        db = null;
        services = null;
    }

    /** Removes a store that init created but could not finish, so no half-made store is left behind. */
    void discardNewStore() {
        close();
        db = null;
        try {
            for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                java.nio.file.Files.deleteIfExists(folder.resolve(com.keydesk.store.StoreLocation.FILE_BASE_NAME + suffix));
            }
            if (!folderExisted) {
                java.nio.file.Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            err.println("keydesk: could not remove the unfinished store in " + folder + ": " + e.getMessage());
        }
    }

    private void attach(Database opened) {
        db = opened;
        services = Services.over(db, Argon2Params.SHIPPED, clock, new SecureRandom());
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
        return java.nio.file.Files.exists(folder.resolve(com.keydesk.store.StoreLocation.FILE_BASE_NAME + ".mv.db"));
    }

    /** Whether someone was named to act (--user or KEYDESK_USER). */
    boolean hasUser() {
        return username != null && !username.isBlank();
    }

    Clock clock() {
        return clock;
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
