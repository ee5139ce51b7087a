package com.keydesk.ui.start;

import com.keydesk.ui.Messages;
import com.keydesk.ui.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;

/**
 * The strength hint under a new-password field, following the typing. Empty and too-short
 * passwords are answered at once; longer ones are estimated in the background, one estimate at a
 * time: when it ends and the password changed meanwhile, the newest one is estimated next (typing
 * never queues an estimate per key).
 */
public final class PasswordStrengthHint {
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PasswordStrength.Rating> rating = new ReadOnlyObjectWrapper<>();
    /** The password still to estimate; null when the shown hint is up to date. */
    private String wanted;
    private boolean estimating;

    public PasswordStrengthHint(ObservableStringValue password, TaskRunner tasks) {
        this.tasks = tasks;
        // the estimator's dictionaries take seconds to load: start now, not at the twelfth character
        tasks.run(() -> {
            PasswordStrength.warmUp();
            return null;
        }, done -> { }, failure -> { });
        password.addListener((o, was, now) -> update(now));
        update(password.get());
    }

    private void update(String password) {
        PasswordStrength.Estimate quick = PasswordStrength.quick(password);
        if (quick != null) {
            wanted = null;
            show(quick);
            return;
        }
        wanted = password;
        if (rating.get() == null || rating.get().compareTo(PasswordStrength.Rating.WEAK) < 0) {
            text.set(Messages.get("strength.checking"));
        }
        if (!estimating) {
            estimateWanted();
        }
    }

    private void estimateWanted() {
        String password = wanted;
        estimating = true;
        tasks.run(() -> PasswordStrength.estimate(password), estimate -> {
            estimating = false;
            if (password.equals(wanted)) {
                wanted = null;
                show(estimate);
            } else if (wanted != null) {
                estimateWanted();
            }
        }, failure -> {
            estimating = false;
            if (password.equals(wanted)) {
                wanted = null;
                text.set(Messages.get("strength.unknown"));
                rating.set(null);
            } else if (wanted != null) {
                estimateWanted();
            }
        });
    }

    private void show(PasswordStrength.Estimate estimate) {
        rating.set(estimate.rating());
        text.set(estimate.hint());
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PasswordStrength.Rating> ratingProperty() { return rating.getReadOnlyProperty(); }
}
