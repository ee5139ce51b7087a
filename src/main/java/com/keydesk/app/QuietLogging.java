package com.keydesk.app;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The command line promises one sentence on stderr, so libraries must not print there: jOOQ's
 * logo and tips are switched off and java.util.logging (which Flyway and H2 use here) only
 * reports severe problems.
 */
public final class QuietLogging {
    private QuietLogging() {
    }

    public static void install() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.SEVERE);
        Logger.getLogger("org.flywaydb").setLevel(Level.OFF);
        Logger.getLogger("org.jooq").setLevel(Level.OFF);
    }
}
