package com.keydesk.crypto;

import com.keydesk.domain.KeyType;

/** A well-formed key presented for verification. Holds the secret: lives only during verify. */
public record ParsedKey(KeyType type, String lookupId, String secretPart) {
    @Override
    public String toString() {
        return "ParsedKey[type=" + type + ", lookupId=" + lookupId + ", secret hidden]";
    }
}
