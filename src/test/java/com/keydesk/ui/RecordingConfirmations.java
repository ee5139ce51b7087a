package com.keydesk.ui;

import java.util.ArrayList;
import java.util.List;

/** Keeps every confirmation a ViewModel gave, in order, for tests to read. */
public final class RecordingConfirmations implements Confirmations {
    private final List<String> shown = new ArrayList<>();

    @Override
    public void show(String sentence) {
        shown.add(sentence);
    }

    public List<String> shown() {
        return List.copyOf(shown);
    }

    /** The newest confirmation, or null when none was given. */
    public String last() {
        return shown.isEmpty() ? null : shown.getLast();
    }
}
