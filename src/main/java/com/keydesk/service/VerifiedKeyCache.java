package com.keydesk.service;

import com.keydesk.crypto.ParsedKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Remembers which keys this process has already checked with Argon2id, so that a key presented
 * again costs an HMAC instead of another slow hash. Per lookup id it holds
 * HMAC-SHA256(stored hash, presented key) under a random key made when the process starts and
 * never written anywhere. That digest is not the secret and cannot be turned back into it (the
 * HMAC key dies with the process), and because the stored hash is part of it, a key whose hash
 * changed (replaced, rehashed, restored from another store) no longer matches.
 * <p>
 * It only saves the hash: the caller still reads the key's state from its row every time.
 * Bounded (least recently used entries go first) and safe to use from many threads.
 */
final class VerifiedKeyCache {
    /** About 320 bytes an entry: 10,000 busy keys in ~3 MB. */
    static final int DEFAULT_CAPACITY = 10_000;
    private static final String ALGORITHM = "HmacSHA256";

    private final int capacity;
    private final SecretKeySpec hmacKey;
    private final Map<String, byte[]> digestsByLookupId;
    /**
     * Macs ready under this process's key, each used by one caller at a time (a Mac is not
     * thread-safe). Looking one up and keying it cost about as much as the HMAC itself, on every
     * request of the HTTP API; requests run on virtual threads, so a thread-local would not keep one.
     */
    private final Queue<Mac> idleMacs = new ConcurrentLinkedQueue<>();
    private static final int MAX_IDLE_MACS = 64;

    /** A capacity of 0 turns it off: every verification pays its Argon2id check, as without a cache. */
    VerifiedKeyCache(int capacity, SecureRandom random) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        this.hmacKey = new SecretKeySpec(keyBytes, ALGORITHM);
        Arrays.fill(keyBytes, (byte) 0);
        this.digestsByLookupId = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > VerifiedKeyCache.this.capacity;
            }
        };
    }

    /** Whether exactly this key was verified against exactly this stored hash earlier in this process. */
    boolean holds(ParsedKey presented, String storedHash) {
        if (capacity == 0) {
            return false;
        }
        byte[] remembered;
        synchronized (digestsByLookupId) {
            remembered = digestsByLookupId.get(presented.lookupId());
        }
        // constant-time: how much of a guess matched must not show in the time taken
        return remembered != null && MessageDigest.isEqual(remembered, digest(presented, storedHash));
    }

    /** Call only after the Argon2id check of this key against this hash succeeded. */
    void remember(ParsedKey presented, String storedHash) {
        if (capacity == 0) {
            return;
        }
        byte[] digest = digest(presented, storedHash);
        synchronized (digestsByLookupId) {
            digestsByLookupId.put(presented.lookupId(), digest);
        }
    }

    int size() {
        synchronized (digestsByLookupId) {
            return digestsByLookupId.size();
        }
    }

    private byte[] digest(ParsedKey presented, String storedHash) {
        byte[] secret = presented.secretPart().getBytes(StandardCharsets.US_ASCII);
        Mac mac = idleMacs.poll();
        try {
            if (mac == null) {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(hmacKey);
            }
            feed(mac, storedHash.getBytes(StandardCharsets.UTF_8));
            feed(mac, presented.type().name().getBytes(StandardCharsets.US_ASCII));
            feed(mac, presented.lookupId().getBytes(StandardCharsets.US_ASCII));
            feed(mac, secret);
            byte[] digest = mac.doFinal();   // also resets it for the next caller, under the same key
            if (idleMacs.size() < MAX_IDLE_MACS) {
                idleMacs.offer(mac);
            }
            return digest;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Length-prefixed, so no two different inputs run together into the same bytes. */
    private static void feed(Mac mac, byte[] field) {
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
        mac.update(field);
    }

    @Override
    public String toString() {
        return "VerifiedKeyCache[entries=" + size() + ", capacity=" + capacity + "]";
    }
}
