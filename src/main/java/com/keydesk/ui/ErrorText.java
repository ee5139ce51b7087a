package com.keydesk.ui;

import com.keydesk.domain.KeyDeskException;

/** The sentence to show for a failure: the service's own message when it is meant for people. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String sentence(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KeyDeskException known && known.getMessage() != null) {
                return known.getMessage();
            }
            if (t instanceof OutOfMemoryError) {
                // the heap cap is the launcher's -Xmx (packaging/common/jvm-options.txt); a site larger
                // than it was sized for needs to know that it can raise it, and where
                return Messages.format("error.outOfMemory", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        }
        return Messages.get("error.unexpected");
    }

    /**
     * True when the failure is one the services describe, or the heap being too small for the task
     * (its stack trace says only where memory ran out); anything else is a bug worth the stack trace.
     */
    public static boolean isExpected(Throwable failure) {
        return failure instanceof KeyDeskException || failure instanceof OutOfMemoryError;
    }
}
