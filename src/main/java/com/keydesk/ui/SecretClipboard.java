package com.keydesk.ui;

/** Puts a secret on the system clipboard, marked as a password, and takes it off again later. */
public interface SecretClipboard {

    /** Copies the secret; it is cleared after the configured delay if the clipboard still holds it. */
    void copySecret(String secret);

    /** Clears the clipboard now, but only if it still holds the last secret copied (on exit). */
    void clearIfStillHoldsSecret();

    /** How long a copied secret stays on the clipboard. */
    java.time.Duration clearDelay();
}
