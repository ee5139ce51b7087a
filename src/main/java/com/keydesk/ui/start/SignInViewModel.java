package com.keydesk.ui.start;

import com.keydesk.service.AuthService;
import com.keydesk.service.Session;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/** Sign-in: a failure shows the service's sentence, and the password field is emptied. */
public final class SignInViewModel {
    private final AuthService auth;
    private final Consumer<Session> onSignedIn;
    private final String location;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    /** The site one signs in to; empty until read (or if it cannot be read: the screen then says "KeyDesk"). */
    private final StringProperty siteName = new SimpleStringProperty("");
    private final TaskRunner tasks;
    private final BackgroundWork work;
    private final StoreLinks stores;
    private final BooleanBinding canSignIn;

    public SignInViewModel(AuthService auth, TaskRunner tasks, String location, Consumer<Session> onSignedIn) {
        this.auth = auth;
        this.tasks = tasks;
        this.location = location;
        this.onSignedIn = onSignedIn;
        this.work = new BackgroundWork(tasks, error::set);
        this.stores = new StoreLinks(work::isRunning);
        canSignIn = Bindings.createBooleanBinding(() -> !work.isRunning() && !username.get().isBlank() && !password.get().isEmpty(),
                work.runningProperty(), username, password);
    }

    /** Reads the site's name in the background, for the heading (not the sign-in's work: it holds nothing back). */
    public void load() {
        tasks.run(auth::siteName, siteName::set, failure -> { /* the heading stays general; sign-in will say what is wrong */ });
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        error.set("");
        String name = username.get();
        char[] secret = password.get().toCharArray();
        work.task(() -> auth.signIn(name, secret)).onSuccess(session -> {
            password.set("");
            onSignedIn.accept(session);
        }).onFailure(failure -> {
            password.set("");
            error.set(ErrorText.sentence(failure));
        }).start();
    }

    /** The links to another store this screen offers ("Open team store…"; none in tests that do not offer it). */
    public StoreLinks stores() {
        return stores;
    }

    public String location() { return location; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty errorProperty() { return error; }
    public StringProperty siteNameProperty() { return siteName; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding canSignInProperty() { return canSignIn; }
}
