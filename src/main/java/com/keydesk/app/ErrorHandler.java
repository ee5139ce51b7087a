package com.keydesk.app;

import com.keydesk.ui.DialogService;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import javafx.application.Platform;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Any exception nobody caught ends here: logged, and shown as a sentence with the stack trace
 * one click away, never as a bare trace or a silent failure.
 */
final class ErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(ErrorHandler.class.getName());
    private final DialogService dialogs;
    private boolean showing;

    ErrorHandler(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    static void install(DialogService dialogs) {
        ErrorHandler handler = new ErrorHandler(dialogs);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(handler);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.log(Level.SEVERE, "Uncaught exception on " + thread.getName(), failure);
        if (Platform.isFxApplicationThread()) {
            show(failure);
        } else {
            Platform.runLater(() -> show(failure));
        }
    }

    private void show(Throwable failure) {
        if (showing) {
            return; // an error while showing an error: the log has it; do not loop
        }
        showing = true;
        try {
            dialogs.showError(Messages.get("error.heading"), ErrorText.sentence(failure), failure);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not show the error dialog", e);
        } finally {
            showing = false;
        }
    }
}
