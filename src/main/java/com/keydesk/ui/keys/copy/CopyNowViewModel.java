package com.keydesk.ui.keys.copy;

import com.keydesk.domain.IssuedKey;
import com.keydesk.ui.DialogService;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SecretClipboard;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The one moment a key's secret is shown. Holds the secret until {@link #finish()}, which the
 * view calls whenever the dialog closes; after that nothing here references it.
 */
public final class CopyNowViewModel {
    private final SecretClipboard clipboard;
    private final DialogService dialogs;
    private final String keyName;
    private final String label;
    private final boolean fullSitePower;
    private final StringProperty secret = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper copied = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty acknowledged = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding doneDisabled = acknowledged.not();

    public CopyNowViewModel(IssuedKey issued, SecretClipboard clipboard, DialogService dialogs) {
        this.clipboard = clipboard;
        this.dialogs = dialogs;
        this.keyName = issued.key().name();
        this.label = issued.key().descriptiveLabel();
        this.fullSitePower = issued.key().hasFullSitePower();
        this.secret.set(issued.secret().reveal());
    }

    public void copy() {
        String value = secret.get();
        if (value != null) {
            clipboard.copySecret(value);
            copied.set(true);
        }
    }

    /** Done: allowed once the person has said the key is stored safely. */
    public boolean done() {
        if (!acknowledged.get()) {
            return false;
        }
        finish();
        return true;
    }

    /** Escape or the window's close button: never closes silently before the key is stored. */
    public boolean requestClose() {
        if (finished.get()) {
            return true;
        }
        if (!acknowledged.get() && !dialogs.confirm(Messages.get("copy.leave.heading"),
                Messages.get("copy.leave.sentence"), Messages.get("copy.leave.confirm"))) {
            return false;
        }
        finish();
        return true;
    }

    /** Drops the secret. Idempotent; the view clears its field when {@link #finishedProperty()} turns true. */
    public void finish() {
        secret.set(null);
        finished.set(true);
    }

    public long clearSeconds() {
        return clipboard.clearDelay().toSeconds();
    }

    public String keyName() {
        return keyName;
    }

    public String label() {
        return label;
    }

    public boolean fullSitePower() {
        return fullSitePower;
    }

    /** The secret for the read-only field; null once finished. */
    public StringProperty secretProperty() {
        return secret;
    }

    public BooleanProperty acknowledgedProperty() {
        return acknowledged;
    }

    public BooleanBinding doneDisabledProperty() {
        return doneDisabled;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public String copyButtonText() {
        return Messages.get(copied.get() ? "copy.copied" : "copy.copy");
    }

    public javafx.beans.binding.StringBinding copyButtonTextBinding() {
        return Bindings.createStringBinding(this::copyButtonText, copied);
    }
}
