package com.keydesk.ui.start;

import com.keydesk.ui.Messages;
import com.keydesk.ui.TaskRunner;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A new password typed twice, as every form that sets one asks for it (setup, add user, change
 * password): the strength hint follows the typing, a repeat that differs is said beside the repeat,
 * and the service's rule is the service's to say: a form offers to submit as soon as the two agree,
 * and the service's sentence lands beside the password ({@link #errorProperty}) until it is retyped.
 * No copy of the password is checked per keystroke outside the strength estimate.
 */
public final class NewPassword {
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringBinding repeatError;
    private final PasswordStrengthHint strength;

    public NewPassword(TaskRunner tasks) {
        password.addListener((o, a, b) -> error.set(""));
        strength = new PasswordStrengthHint(password, tasks);
        repeatError = Bindings.createStringBinding(() -> !repeat.get().isEmpty() && !repeat.get().equals(password.get())
                ? Messages.get("setup.error.repeat") : "", password, repeat);
    }

    /** Typed, and typed the same twice: worth sending to the service. */
    public boolean agrees() {
        return !password.get().isEmpty() && password.get().equals(repeat.get());
    }

    /** What {@link #agrees} reads, and {@code also} what the form's own condition reads: its "may submit" binding's dependencies. */
    public Observable[] dependencies(Observable... also) {
        Observable[] all = java.util.Arrays.copyOf(also, also.length + 2);
        all[also.length] = password;
        all[also.length + 1] = repeat;
        return all;
    }

    /** A copy for the service, which wipes it. */
    public char[] copy() {
        return password.get().toCharArray();
    }

    /** Empties both fields (after an attempt that reached the service). */
    public void clear() {
        password.set("");
        repeat.set("");
    }

    public StringProperty passwordProperty() { return password; }
    public StringProperty repeatProperty() { return repeat; }
    /** The service's sentence about the new password; emptied when it is retyped. */
    public StringProperty errorProperty() { return error; }
    public StringBinding repeatErrorProperty() { return repeatError; }
    public ReadOnlyStringProperty strengthProperty() { return strength.textProperty(); }
    public ReadOnlyObjectProperty<PasswordStrength.Rating> strengthRatingProperty() { return strength.ratingProperty(); }
}
