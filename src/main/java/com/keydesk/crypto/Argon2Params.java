package com.keydesk.crypto;

/**
 * Argon2id cost. The shipped program uses {@link #SHIPPED} and reads no setting that could lower
 * it; only test wiring constructs cheaper parameters. Each hash string records its own
 * parameters, so raising these later keeps old hashes verifiable.
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane (about 25 ms here). */
    public static final Argon2Params SHIPPED = new Argon2Params(19_456, 2, 1);

    public Argon2Params {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
    }
}
