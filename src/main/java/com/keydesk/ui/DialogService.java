package com.keydesk.ui;

/**
 * Every standard dialog a ViewModel may need, behind an interface so ViewModel tests can answer
 * them. Titles always contain "KeyDesk"; texts come from the message bundle.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the person chose {@code confirmLabel}. */
    boolean confirm(String heading, String sentence, String confirmLabel);

    /** Like {@link #confirm} for something dangerous: the person must type {@code expected} first. */
    boolean confirmByTyping(String heading, String sentence, String expected, String confirmLabel);

    /** Shows a sentence the person can act on; the technical details are one click away. */
    void showError(String heading, String sentence, Throwable details);

    /**
     * Shows a failure under {@code heading} in the services' words; its technical details only
     * when it is not one the services describe (then it is a bug, worth the stack trace).
     */
    default void showFailure(String heading, Throwable failure) {
        showError(heading, ErrorText.sentence(failure), ErrorText.isExpected(failure) ? null : failure);
    }

    void showInformation(String heading, String sentence);
}
