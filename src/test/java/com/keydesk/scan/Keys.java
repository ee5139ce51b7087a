package com.keydesk.scan;

import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.KeyType;

import java.security.SecureRandom;

/** Real keys from the real key format, for the corpora. */
final class Keys {
    private static final KeyFormat FORMAT = new KeyFormat(new SecureRandom());

    private Keys() {
    }

    static String site() {
        return FORMAT.generate(KeyType.SITE).text();
    }

    static String user() {
        return FORMAT.generate(KeyType.USER).text();
    }

    /** The key with one character of its secret part changed to another base62 character. */
    static String oneCharacterChanged(String key, int at) {
        char c = key.charAt(at);
        char other = c == 'a' ? 'b' : 'a';
        return key.substring(0, at) + other + key.substring(at + 1);
    }

    /** The longest run between underscores: the secret part and its checksum. */
    static String secretOf(String key) {
        return key.substring(key.lastIndexOf('_') + 1, key.length() - 6);
    }
}
