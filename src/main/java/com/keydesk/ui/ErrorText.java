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
        }
        return Messages.get("error.unexpected");
    }

    /** True when the failure is one the services describe; anything else is a bug worth the stack trace. */
    public static boolean isExpected(Throwable failure) {
        return failure instanceof KeyDeskException;
    }
}
