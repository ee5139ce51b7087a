package com.keydesk.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Argon2id hashes for key secrets and passwords. The type is chosen explicitly: argon2-jvm's
 * default is Argon2i. Slow on purpose: never call it on the JavaFX thread.
 */
public final class Argon2idHasher {
    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final Argon2Params params;
    /** Argon2id runs so far: equal cost of sign-in paths is checked by counting them, not by timing. */
    private final LongAdder runs = new LongAdder();

    public Argon2idHasher(Argon2Params params) {
        this.params = params;
    }

    /** How many times this hasher has run Argon2id (hash or verify). */
    public long runs() {
        return runs.sum();
    }

    /** Hashes and then wipes the given characters. */
    public String hash(char[] secret) {
        try {
            runs.increment();
            return argon2.hash(params.iterations(), params.memoryKiB(), params.parallelism(), secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Checks the characters against a stored hash (whose own parameters apply) and then wipes them. */
    public boolean verify(String storedHash, char[] secret) {
        try {
            if (storedHash == null || !storedHash.startsWith("$argon2id$")) {
                return false;
            }
            runs.increment();
            return argon2.verify(storedHash, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
