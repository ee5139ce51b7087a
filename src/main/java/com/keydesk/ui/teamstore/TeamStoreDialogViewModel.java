package com.keydesk.ui.teamstore;

import com.keydesk.ui.DialogService;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import com.keydesk.ui.Messages;
import com.keydesk.ui.TaskRunner;
import com.keydesk.ui.teamstore.TeamStoreAccess.Found;
import com.keydesk.ui.teamstore.TeamStoreAccess.Probe;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * "Open team store…" and "Move this store to a team store…": where the store is (host, port,
 * database, user, password, TLS mode), a connection test that says in one sentence what is wrong,
 * and the stores opened lately. Choosing a recent store fills every field but the password, which
 * is never remembered. The dialog closes when {@link #chosenProperty()} is set.
 */
public final class TeamStoreDialogViewModel {
    /** Opening an existing team store (or making one in an empty database), or moving this store into one. */
    public enum Purpose { OPEN, MOVE }

    /**
     * What the person chose. {@code password} is theirs to clear once used (null: none typed).
     *
     * @param create the database is empty: a new store is to be made there (first-start setup, or the move)
     */
    public record Choice(TeamStoreAddress address, char[] password, boolean create) {
        @Override
        public String toString() {
            return "Choice[" + address.display() + ", create=" + create + "]";
        }
    }

    private final TeamStoreAccess access;
    private final RecentStores recentStores;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Purpose purpose;

    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(TeamStoreAddress.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty("keydesk");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<TlsMode> tls = new SimpleObjectProperty<>(TlsMode.VERIFY_FULL);
    private final StringProperty rootCert = new SimpleStringProperty("");
    private final StringProperty portError = new SimpleStringProperty("");
    /** The connection test's one sentence, or why Open did not open; shown beside the fields. */
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty resultGood = new SimpleBooleanProperty(false);
    private final BackgroundWork work;
    private final ObservableList<TeamStoreAddress> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Choice> chosen = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding complete;
    private final BooleanBinding canAct;
    /** Results of a test or open begun before the fields last changed are not shown: they are about another store. */
    private long attempt;

    public TeamStoreDialogViewModel(TeamStoreAccess access, RecentStores recentStores, TaskRunner tasks,
                                    DialogService dialogs, Purpose purpose) {
        this.access = access;
        this.recentStores = recentStores;
        this.tasks = tasks;
        this.work = new BackgroundWork(tasks, sentence -> say(sentence, false));
        this.dialogs = dialogs;
        this.purpose = purpose;
        complete = Bindings.createBooleanBinding(() -> !host.get().isBlank() && !database.get().isBlank()
                && !user.get().isBlank() && portNumber() > 0 && tls.get() != null, host, port, database, user, tls);
        canAct = Bindings.createBooleanBinding(() -> complete.get() && !work.isRunning(), complete, work.runningProperty());
        port.addListener((o, a, b) -> portError.set(b.isBlank() || portNumber() > 0 ? ""
                : Messages.get("teamStore.error.port")));
        for (var field : List.of(host, port, database, user, password, rootCert)) {
            field.addListener((o, a, b) -> forgetResult());
        }
        tls.addListener((o, a, b) -> forgetResult());
    }

    /** Fills the list of recent stores (a small file: read in the background) and the fields from the newest. */
    public void loadRecent() {
        tasks.run(recentStores::load, stores -> {
            recent.setAll(stores);
            if (!stores.isEmpty() && host.get().isBlank()) {
                choose(stores.getFirst());
            }
        }, failure -> { /* no list: the fields are empty, that is all */ });
    }

    /** Fills the fields from a recent store; the password stays as typed (it was never remembered). */
    public void choose(TeamStoreAddress address) {
        if (address == null) {
            return;
        }
        host.set(address.host());
        port.set(String.valueOf(address.port()));
        database.set(address.database());
        user.set(address.user());
        tls.set(address.tls());
        rootCert.set(address.rootCert() == null ? "" : address.rootCert());
    }

    /** Connects once in the background and says in one sentence what is there. */
    public void testConnection() {
        probeThen((address, probe) -> say(probe.found() == Found.STORE ? Messages.get(purpose == Purpose.MOVE
                ? "teamStore.test.storeThere" : "teamStore.test.ok") : probe.sentence(), probe.found() != Found.PROBLEM
                && !(purpose == Purpose.MOVE && probe.found() == Found.STORE)));
    }

    /**
     * Checks the store first, in the background: a KeyDesk store opens (or, when moving, is refused:
     * a move goes into an empty database only); an empty database is offered for a new store; any
     * other answer stays beside the fields and nothing closes.
     */
    public void open() {
        probeThen(this::decide);
    }

    /**
     * Probes the address in the fields in the background, then hands the answer to {@code then} on
     * the caller's thread, unless a newer attempt started meanwhile.
     */
    private void probeThen(java.util.function.BiConsumer<TeamStoreAddress, Probe> then) {
        if (!canAct.get()) {
            return;
        }
        TeamStoreAddress address = address();
        char[] secret = secret();
        long mine = begin();
        work.task(() -> probe(address, secret)).onSuccess(probe -> {
            if (mine == attempt) {
                then.accept(address, probe);
            }
        }).onFailure(failure -> failed(mine, failure)).start();
    }

    /** In the background; the copy of the password made for this one attempt is wiped after it. */
    private Probe probe(TeamStoreAddress address, char[] secret) {
        try {
            return access.probe(address, secret);
        } finally {
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
    }

    private void decide(TeamStoreAddress address, Probe probe) {
        switch (probe.found()) {
            case PROBLEM -> say(probe.sentence(), false);
            case STORE -> {
                if (purpose == Purpose.MOVE) {
                    say(Messages.get("teamStore.test.storeThere"), false);
                } else {
                    finish(address, false);
                }
            }
            case EMPTY -> {
                if (purpose == Purpose.MOVE || dialogs.confirm(Messages.get("teamStore.create.heading"),
                        Messages.format("teamStore.create.sentence", address.display()),
                        Messages.get("teamStore.create.confirm"))) {
                    finish(address, true);
                } else {
                    say(probe.sentence(), true);
                }
            }
        }
    }

    /** Remembers the store (in the background: a file) and hands the choice over; the password field is emptied. */
    private void finish(TeamStoreAddress address, boolean create) {
        char[] secret = secret();
        password.set("");
        tasks.run(() -> recentStores.remember(address), recent::setAll, failure -> { });
        chosen.set(new Choice(address, secret, create));
    }

    private long begin() {
        result.set("");
        return ++attempt;
    }

    private void failed(long mine, Throwable failure) {
        if (mine == attempt) {
            say(ErrorText.sentence(failure), false);
        }
    }

    private void say(String sentence, boolean good) {
        result.set(sentence);
        resultGood.set(good);
    }

    private void forgetResult() {
        if (!work.isRunning()) {
            attempt++;
            result.set("");
        }
    }

    /** The typed password, or null when none was typed (then the usual sources are asked, e.g. ~/.pgpass). */
    private char[] secret() {
        return password.get().isEmpty() ? null : password.get().toCharArray();
    }

    TeamStoreAddress address() {
        String cert = rootCert.get().strip();
        return new TeamStoreAddress(host.get().strip(), portNumber(), database.get().strip(), user.get().strip(),
                tls.get(), tls.get().checksCertificate() && !cert.isEmpty() ? cert : null);
    }

    /** The port typed, or 0 when it is not a port number. */
    private int portNumber() {
        try {
            int number = Integer.parseInt(port.get().strip());
            return number >= 1 && number <= 65_535 ? number : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public Purpose purpose() { return purpose; }
    public List<TlsMode> tlsChoices() { return List.of(TlsMode.values()); }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty databaseProperty() { return database; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public ObjectProperty<TlsMode> tlsProperty() { return tls; }
    public StringProperty rootCertProperty() { return rootCert; }
    public StringProperty portErrorProperty() { return portError; }
    public StringProperty resultProperty() { return result; }
    public BooleanProperty resultGoodProperty() { return resultGood; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding canActProperty() { return canAct; }
    public ObservableList<TeamStoreAddress> recent() { return recent; }
    public ReadOnlyObjectProperty<Choice> chosenProperty() { return chosen.getReadOnlyProperty(); }
}
