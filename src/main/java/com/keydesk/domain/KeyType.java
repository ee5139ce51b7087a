package com.keydesk.domain;

/** A site-wide key has no owner and full power; a user key acts as its owner. */
public enum KeyType {
    SITE('s'),
    USER('u');

    private final char marker;

    KeyType(char marker) {
        this.marker = marker;
    }

    /** The character in the key text that tells the two kinds apart. */
    public char marker() {
        return marker;
    }

    public static KeyType fromMarker(char marker) {
        for (KeyType type : values()) {
            if (type.marker == marker) {
                return type;
            }
        }
        return null;
    }
}
