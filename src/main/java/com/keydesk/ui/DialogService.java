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

    void showInformation(String heading, String sentence);
}
