package com.keydesk.domain;

/**
 * A key just created or replaced, with its secret: the only object that ever carries a
 * secret out of the service layer. Show it once, then let it go.
 */
public record IssuedKey(ApiKey key, Secret secret) {

    @Override
    public String toString() {
        return "IssuedKey[key=" + key + ", secret=" + secret + "]";
    }
}
