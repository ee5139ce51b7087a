package com.keydesk.ui;

import java.util.ArrayList;
import java.util.List;

/** Answers standard dialogs as a test tells it to, and remembers what was asked. */
public final class FakeDialogs implements DialogService {
    public record Asked(String kind, String heading, String sentence, String expected) {
    }

    public final List<Asked> asked = new ArrayList<>();
    public boolean answer = true;
    /** When not empty, the answers to confirm(...) in turn, before {@link #answer}. */
    public java.util.Deque<Boolean> answers = new java.util.ArrayDeque<>();

    @Override
    public boolean confirm(String heading, String sentence, String confirmLabel) {
        asked.add(new Asked("confirm", heading, sentence, null));
        return answers.isEmpty() ? answer : answers.poll();
    }

    @Override
    public boolean confirmByTyping(String heading, String sentence, String expected, String confirmLabel) {
        asked.add(new Asked("typed", heading, sentence, expected));
        return answer;
    }

    @Override
    public void showError(String heading, String sentence, Throwable details) {
        asked.add(new Asked("error", heading, sentence, null));
    }

    @Override
    public void showInformation(String heading, String sentence) {
        asked.add(new Asked("info", heading, sentence, null));
    }

    public Asked last() {
        return asked.getLast();
    }
}
