package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A hash of nothing anyone knows, with the current parameters: checked instead of a real one for
 * an unknown user or key, so the answer takes about as long either way. Made on first use.
 */
final class DummyHash {
    private final Argon2idHasher hasher;
    private final SecureRandom random;
    private volatile String hash;

    DummyHash(Argon2idHasher hasher, SecureRandom random) {
        this.hasher = hasher;
        this.random = random;
    }

    String get() {
        String current = hash;
        if (current == null) {
            byte[] noise = new byte[32];
            random.nextBytes(noise);
            current = hasher.hash(Base64.getEncoder().encodeToString(noise).toCharArray());
            hash = current;
        }
        return current;
    }
}
