package com.keydesk.scan;

import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.Secret;

/**
 * A key found lying somewhere. {@link #key()} is the real key (needed to name it through the
 * services and to prove it is the stored key); everything a person sees comes from {@link #masked()}.
 *
 * @param path   the file as given on the command line (or under it), the path inside the
 *               repository for history and staged content, or {@code -} for standard input
 * @param commit the commit that introduced the blob, for history; otherwise null
 * @param staged true when found in what is staged for the next commit
 */
public record Finding(String path, String commit, boolean staged, long line, long column, Secret key) {

    /** Prefix, type, lookup id and the last characters: no character of the secret part. */
    public String masked() {
        return KeyFormat.maskedLabel(key.reveal());
    }

    public String lookupId() {
        return KeyFormat.lookupIdOf(key.reveal());
    }

    public KeyType type() {
        return KeyType.fromMarker(key.reveal().charAt(KeyFormat.PREFIX.length()));
    }

    /** Where, for a person: {@code path}, {@code commit:path} or {@code path (staged)}. */
    public String where() {
        if (commit != null) {
            return commit.substring(0, Math.min(12, commit.length())) + ":" + path;
        }
        return staged ? path + " (staged)" : path;
    }

    @Override
    public String toString() {
        return "Finding[" + where() + ":" + line + ":" + column + " " + masked() + "]";
    }
}
