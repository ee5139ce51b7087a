package com.keydesk.crypto;

import com.keydesk.domain.KeyType;

/** A key just generated. Holds the secret: lives only for the length of a create or replace call. */
public record GeneratedKey(KeyType type, String lookupId, String secretPart, String text, String label) {
    @Override
    public String toString() {
        return "GeneratedKey[type=" + type + ", lookupId=" + lookupId + ", label=" + label + ", secret hidden]";
    }
}
