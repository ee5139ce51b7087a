package com.keydesk.ui;


import java.time.Duration;

/** Counts copies and remembers whether one happened, never the text. */
public final class FakeClipboard implements SecretClipboard {
    public int copies;
    public int clears;
    public int lastLength;

    @Override
    public void copySecret(String secret) {
        copies++;
        lastLength = secret.length();
    }

    @Override
    public void clearIfStillHoldsSecret() {
        clears++;
    }

    @Override
    public Duration clearDelay() {
        return Duration.ofSeconds(30);
    }
}
