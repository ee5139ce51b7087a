package com.keydesk.crypto;

import com.keydesk.threads.HeadStart;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A process's first Argon2id call loads the native library and builds JNA's call path: a fifth of
 * a second or more that sign-in would wait for, and none of it needs the store. So it runs on a
 * second thread while the store opens, hashing random characters at the shipped cost (as the
 * dummy hash does) and keeping nothing. The caller waits for it before its own first Argon2 use,
 * so that the library is never loaded by two threads at once.
 */
public final class Argon2WarmUp {
    private Argon2WarmUp() {
    }

    public static HeadStart start() {
        return HeadStart.start("keydesk-argon2-warm-up", () -> {
            byte[] noise = new byte[32];
            new SecureRandom().nextBytes(noise);
            new Argon2idHasher(Argon2Params.SHIPPED).hash(Base64.getEncoder().encodeToString(noise).toCharArray());
        });
    }
}
