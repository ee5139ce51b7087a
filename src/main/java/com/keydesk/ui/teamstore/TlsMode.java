package com.keydesk.ui.teamstore;

import com.keydesk.ui.Messages;

import java.util.Arrays;
import java.util.Optional;

/** libpq's sslmode values, in order of how much they check; what the dialog offers. */
public enum TlsMode {
    DISABLE("disable"), ALLOW("allow"), PREFER("prefer"), REQUIRE("require"), VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    private final String wireName;

    TlsMode(String wireName) {
        this.wireName = wireName;
    }

    /** As libpq and KEYDESK_STORE spell it: {@code sslmode=verify-full}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<TlsMode> parse(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
    }

    /** Only these two check whose certificate the server shows, so only they use a root certificate. */
    public boolean checksCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    @Override
    public String toString() {
        return Messages.get("teamStore.tls." + wireName);
    }
}
