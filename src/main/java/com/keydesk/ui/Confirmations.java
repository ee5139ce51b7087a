package com.keydesk.ui;

/**
 * A short sentence after an action went through ("3 keys disabled", "Backup written"): shown for
 * a few seconds without asking anything. ViewModels say what happened; how it looks is the
 * implementation's business, so neither ViewModels nor their tests depend on the toolkit.
 */
public interface Confirmations {
    /** Says nothing: for wiring that has no window to show a confirmation in. */
    Confirmations NONE = sentence -> { };

    /** Shows the sentence briefly; it never needs an answer. */
    void show(String sentence);
}
