package com.keydesk.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id hashes for key secrets and passwords. The type is chosen explicitly: argon2-jvm's
 * default is Argon2i. Slow on purpose: never call it on the JavaFX thread.
 * <p>
 * Each run allocates its memory cost (19 MiB shipped) outside the Java heap and keeps a core busy,
 * so runs go to one thread per core ({@link CoreSlots#ARGON2}), one at a time each:
 * {@code keydesk serve} meeting 32 clients with keys it has not seen would otherwise hold
 * 32 × 19 MiB at once and finish none of them sooner.
 */
public final class Argon2idHasher {
    /**
     * The most a stored hash may ask of this machine: a hash is data from the store or a backup, and
     * its own header names the memory and time verifying it takes. KeyDesk makes 19 MiB, 2 passes,
     * 1 lane; these ceilings leave room for raised parameters and refuse a hash that would take a
     * gigabyte or a minute (one changed outside KeyDesk) before any memory is allocated.
     */
    static final int MAX_MEMORY_KIB = 256 * 1024;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 8;
    private static final Pattern HEADER = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,4}),p=(\\d{1,3})\\$");

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
            return CoreSlots.ARGON2.run(() -> argon2.hash(params.iterations(), params.memoryKiB(), params.parallelism(), secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * Checks the characters against a stored hash (whose own parameters apply, within the ceilings
     * above) and then wipes them. A hash that is not Argon2id or asks for more is never run: false.
     */
    public boolean verify(String storedHash, char[] secret) {
        try {
            if (!withinCeilings(storedHash)) {
                return false;
            }
            runs.increment();
            return CoreSlots.ARGON2.run(() -> argon2.verify(storedHash, secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** True when the text is an Argon2id hash whose parameters this machine will run. */
    static boolean withinCeilings(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        Matcher header = HEADER.matcher(storedHash);
        if (!header.find()) {
            return false;
        }
        long memory = Long.parseLong(header.group(1));
        long iterations = Long.parseLong(header.group(2));
        long parallelism = Long.parseLong(header.group(3));
        return memory <= MAX_MEMORY_KIB && iterations >= 1 && iterations <= MAX_ITERATIONS
                && parallelism >= 1 && parallelism <= MAX_PARALLELISM;
    }
}
