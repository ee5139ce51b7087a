package com.keydesk.service;

import com.keydesk.crypto.Argon2Params;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A hash string nobody knows a password for, with the current parameters: checked instead of a
 * real one for an unknown user or key, so the answer costs exactly one Argon2id verification
 * either way. It is made of random salt and random "hash" bytes in Argon2id's own encoding, not
 * by hashing anything: computing a real one cost the first unknown-name sign-in of a process a
 * second Argon2id run (a timing difference), and computing it at start-up would slow every command.
 * Verifying against it runs Argon2id at exactly the parameters written in the string.
 */
final class DummyHash {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Params params;
    private final SecureRandom random;
    private volatile String hash;

    DummyHash(Argon2Params params, SecureRandom random) {
        this.params = params;
        this.random = random;
    }

    /** Made on first use (a few random bytes, no hashing), then the same string for the process. */
    String get() {
        String current = hash;
        if (current == null) {
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            byte[] salt = new byte[SALT_BYTES];
            byte[] noise = new byte[HASH_BYTES];
            random.nextBytes(salt);
            random.nextBytes(noise);
            current = "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                    + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(noise);
            hash = current;
        }
        return current;
    }
}
