package com.keydesk.cli;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A process's first Argon2id call loads the native library and builds JNA's call path: a fifth of
 * a second or more that sign-in would wait for, and none of it needs the store. So it runs on a
 * second thread while the store opens, hashing random characters at the shipped cost (as the
 * dummy hash does) and keeping nothing. The command waits for it before its own first Argon2 use,
 * so that the library is never loaded by two threads at once.
 */
final class Argon2WarmUp {
    private final Thread thread;

    private Argon2WarmUp() {
        thread = Thread.ofPlatform().daemon().name("keydesk-argon2-warm-up").start(Argon2WarmUp::run);
    }

    static Argon2WarmUp start() {
        return new Argon2WarmUp();
    }

    /** Returns once the warm-up has finished, keeping an interrupt for the caller. */
    void awaitDone() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // still wait: the point is that only one thread loads the library
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        try {
            byte[] noise = new byte[32];
            new SecureRandom().nextBytes(noise);
            new Argon2idHasher(Argon2Params.SHIPPED).hash(Base64.getEncoder().encodeToString(noise).toCharArray());
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: the command meets the same trouble in its own call and reports it.
        }
    }
}
