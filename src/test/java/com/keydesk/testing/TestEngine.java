package com.keydesk.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Which engine the store and service tests run on: {@code -Dkeydesk.test.engine=h2} (the default)
 * or {@code postgresql}. The build runs those tests once per engine (two surefire executions).
 */
public enum TestEngine {
    H2, POSTGRESQL;

    public static final String PROPERTY = "keydesk.test.engine";

    public static TestEngine current() {
        String chosen = System.getProperty(PROPERTY, "h2").strip();
        return switch (chosen.toLowerCase(java.util.Locale.ROOT)) {
            case "h2", "" -> H2;
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            default -> throw new IllegalArgumentException(PROPERTY + " must be h2 or postgresql, not " + chosen);
        };
    }

    public static boolean postgresql() {
        return current() == POSTGRESQL;
    }

    /** Skips the calling test on PostgreSQL; {@code why} names what about the H2 file it tests. */
    public static void assumeH2(String why) {
        Assumptions.assumeTrue(current() == H2, () -> "H2 only: " + why);
    }
}
