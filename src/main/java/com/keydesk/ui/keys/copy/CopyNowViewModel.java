package com.keydesk.ui.keys.copy;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.ui.DialogService;
import com.keydesk.ui.Messages;
import com.keydesk.ui.RelativeTime;
import com.keydesk.ui.SecretClipboard;
import com.keydesk.ui.keys.text.PermissionText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Clock;

/**
 * The one moment a key's secret is shown. Holds the secret until {@link #finish()}, which the
 * view calls whenever the dialog closes; after that nothing here references it.
 */
public final class CopyNowViewModel {
    private final SecretClipboard clipboard;
    private final DialogService dialogs;
    private final long keyId;
    private final String keyName;
    private final String label;
    private final boolean fullSitePower;
    private final String ownerText;
    private final String permissionText;
    private final String expiryText;
    private final StringProperty secret = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper copied = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty acknowledged = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding doneDisabled = acknowledged.not();

    /** {@code clock}: for how far away the expiry is ("in 90 days"). */
    public CopyNowViewModel(IssuedKey issued, SecretClipboard clipboard, DialogService dialogs, Clock clock) {
        this.clipboard = clipboard;
        this.dialogs = dialogs;
        ApiKey key = issued.key();
        this.keyId = key.id();
        this.keyName = key.name();
        this.label = key.descriptiveLabel();
        this.fullSitePower = key.hasFullSitePower();
        this.ownerText = ownerText(key);
        this.permissionText = PermissionText.text(key.permissionSet());
        this.expiryText = expiryText(key, clock);
        this.secret.set(issued.secret().reveal());
    }

    /** "Never"; "Mar 3, 2026 (in 30 days)"; beyond two months the date alone (it is what "relative" says then). */
    private static String expiryText(ApiKey key, Clock clock) {
        String date = RelativeTime.date(key.expiresAt());
        if (key.expiresAt() == null) {
            return date;
        }
        String relative = RelativeTime.relative(key.expiresAt(), clock.instant());
        return relative.equals(date) ? date : Messages.format("copy.expires", date, relative);
    }

    /** Whose key it is, in the key details' words ("bob (administrator: full power)"). */
    private static String ownerText(ApiKey key) {
        if (key.ownerUsername() == null) {
            return Messages.get("copy.owner.site");
        }
        return key.ownerUsername()
                + (key.ownerIsAdmin() ? " " + Messages.get("details.ownerAdmin") : "")
                + (key.ownerActive() ? "" : " " + Messages.get("details.ownerInactive"));
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

    /** The new key's id: the table selects its row once it is in. */
    public long keyId() {
        return keyId;
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

    /** The owner's username, or that it is a site key. */
    public String ownerText() {
        return ownerText;
    }

    /** The permission set as people read it: "Files only (files_only)". */
    public String permissionText() {
        return permissionText;
    }

    /** "Mar 3, 2027 (in 30 days)", a date alone when further away, or "Never". */
    public String expiryText() {
        return expiryText;
    }

    /** Every text the Copy button shows, so that it can be as wide as the widest. */
    public static java.util.List<String> copyButtonTexts() {
        return java.util.List.of(Messages.get("copy.copy"), Messages.get("copy.copied"));
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
