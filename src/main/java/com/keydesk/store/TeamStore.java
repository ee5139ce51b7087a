package com.keydesk.store;

/**
 * A team store: where it is, and the password to reach it (null when the server needs none). A
 * class, not a record, so that the password can never reach a {@code toString}, a log or an
 * exception; it is handed only to the driver.
 */
public final class TeamStore implements StoreAddress {
    private final PgAddress address;
    private final char[] password;

    public TeamStore(PgAddress address, char[] password) {
        this.address = java.util.Objects.requireNonNull(address);
        this.password = password == null ? null : password.clone();
    }

    public PgAddress address() {
        return address;
    }

    /** For the driver only. */
    char[] password() {
        return password;
    }

    @Override
    public String display() {
        return address.display();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TeamStore t && t.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return "TeamStore[" + address.display() + "]";
    }
}
