package com.keydesk.cli;

import com.keydesk.domain.StorePlace;
import com.keydesk.service.Services;
import com.keydesk.service.StoreRestore;
import com.keydesk.service.Witness;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * What the command line needs of the store layer, in service-level terms: the composition root
 * (app/CliStores) knows where stores are and how they open; the command line only names a
 * {@link StorePlace} and gets services back. Found through {@link ServiceLoader} so that every
 * way into the command line (the launchers, the tests' harness) gets the same wiring.
 */
public interface StoreAccess {
    /** The store that {@code --store} / {@code --data} / the environment name (see the help text). */
    StorePlace resolve(String storeOption, String dataOption, Map<String, String> env);

    /** Whether a store exists at {@code place}. */
    boolean exists(StorePlace place);

    /** The local store's folder, or null for a team store. */
    Path localFolder(StorePlace place);

    /** Opens the existing store (a missing one is an error, never created here). */
    Open open(StorePlace place, Clock clock, Map<String, String> env);

    /** Creates the store, its site and first administrator; the password is wiped afterwards. */
    Open create(StorePlace place, String site, String admin, char[] password, Clock clock, Map<String, String> env);

    /** Restores a backup into the empty team store database at {@code place}. */
    StoreRestore.Outcome restoreIntoTeamStore(StorePlace place, Path backup, Clock clock);

    /** An open store: its services, the installation's memory of its history, and how to close it. */
    record Open(Services services, Witness witness, Runnable close) {
    }

    /** The wiring the application provides. */
    static StoreAccess installed() {
        return ServiceLoader.load(StoreAccess.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No store wiring: app/CliStores is not on the class path."));
    }
}
