package com.keydesk.crypto;

import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.KeyType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The text of a key: {@code kd<type>_<lookup id>_<secret><checksum>}, for example
 * {@code kds_3hK9...Qz_<43 random characters><6 checksum characters>}.
 * <ul>
 *   <li>{@code kd} is the fixed product prefix that secret scanners can match;</li>
 *   <li>the type marker is {@code s} (site-wide) or {@code u} (user);</li>
 *   <li>the lookup id is not secret: it finds the key's row with one index read;</li>
 *   <li>the secret is 43 base62 characters from {@link SecureRandom}: 43 × log2(62) ≈ 256.03 bits;</li>
 *   <li>the checksum is the CRC32 of everything before it, so a mistyped key is rejected
 *       without a database read.</li>
 * </ul>
 * Only letters, digits and underscores: a double-click selects the whole key.
 */
public final class KeyFormat {
    public static final String PREFIX = "kd";
    static final int LOOKUP_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    /** kd + marker + _ + lookup + _ + secret + checksum */
    public static final int KEY_LENGTH = PREFIX.length() + 1 + 1 + LOOKUP_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;
    private static final int LABEL_TAIL = 4;

    private final SecureRandom random;

    public KeyFormat(SecureRandom random) {
        this.random = random;
    }

    /** A fresh key of the given type. The caller hashes {@link GeneratedKey#secretPart()} and stores only that hash. */
    public GeneratedKey generate(KeyType type) {
        String lookupId = Base62.random(random, LOOKUP_LENGTH);
        String secretPart = Base62.random(random, SECRET_LENGTH);
        String body = PREFIX + type.marker() + "_" + lookupId + "_" + secretPart;
        String text = body + checksum(body);
        return new GeneratedKey(type, lookupId, secretPart, text, labelOf(text));
    }

    /**
     * Splits a key into its parts, or rejects it for its shape alone: wrong prefix, length,
     * characters or checksum. Nothing here touches the database.
     */
    public static ParsedKey parse(String text) {
        ParsedKey parsed = tryParse(text == null ? "" : text.strip());
        if (parsed == null) {
            throw malformed();
        }
        return parsed;
    }

    /**
     * True when {@code text} is exactly one well-formed key: prefix, type marker, shape and
     * checksum. For the leak scanner, which must never report a string that fails the checksum.
     */
    public static boolean recognise(String text) {
        return text != null && tryParse(text) != null;
    }

    /** The key split into its parts, or null when its shape or checksum is wrong. */
    private static ParsedKey tryParse(String key) {
        if (key.length() != KEY_LENGTH || !key.startsWith(PREFIX)) {
            return null;
        }
        KeyType type = KeyType.fromMarker(key.charAt(PREFIX.length()));
        int firstSep = PREFIX.length() + 1;
        int secondSep = firstSep + 1 + LOOKUP_LENGTH;
        if (type == null || key.charAt(firstSep) != '_' || key.charAt(secondSep) != '_') {
            return null;
        }
        String lookupId = key.substring(firstSep + 1, secondSep);
        String secretPart = key.substring(secondSep + 1, secondSep + 1 + SECRET_LENGTH);
        String checksum = key.substring(KEY_LENGTH - CHECKSUM_LENGTH);
        if (!Base62.isBase62(lookupId) || !Base62.isBase62(secretPart)
                || !checksum(key.substring(0, KEY_LENGTH - CHECKSUM_LENGTH)).equals(checksum)) {
            return null;
        }
        return new ParsedKey(type, lookupId, secretPart);
    }

    /** The label of a well-formed key (see {@link #labelOf}): safe to print, it holds no secret character. */
    public static String maskedLabel(String key) {
        return labelOf(key);
    }

    /** The lookup id of a well-formed key: not secret. */
    public static String lookupIdOf(String key) {
        return key.substring(PREFIX.length() + 2, PREFIX.length() + 2 + LOOKUP_LENGTH);
    }

    /** The non-secret label people use to tell keys apart: type and lookup id, plus the last characters. */
    static String labelOf(String text) {
        return text.substring(0, PREFIX.length() + 2 + LOOKUP_LENGTH) + "…" + text.substring(text.length() - LABEL_TAIL);
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encodeFixed(crc.getValue(), CHECKSUM_LENGTH);
    }

    private static KeyRejectedException malformed() {
        // Never echo the input: it may be a real key with one character wrong.
        return new KeyRejectedException("This is not a valid KeyDesk key (wrong prefix, length or checksum).");
    }
}
