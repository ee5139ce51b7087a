package com.keydesk.app;

import com.keydesk.cli.StoreAccess;
import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2WarmUp;
import com.keydesk.domain.StorePlace;
import com.keydesk.service.Services;
import com.keydesk.service.StoreCreation;
import com.keydesk.service.StoreRestore;
import com.keydesk.service.TeamStoreRestore;
import com.keydesk.service.Witness;
import com.keydesk.service.WitnessLocation;
import com.keydesk.store.Database;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The command line's wiring: the one place where a command's store is found, opened or made, and
 * its services built (registered in META-INF/services for {@link StoreAccess#installed()}).
 */
public final class CliStores implements StoreAccess {
    @Override
    public StorePlace resolve(String storeOption, String dataOption, Map<String, String> env) {
        return StoreAddress.resolve(storeOption, dataOption, env, System.getProperty("os.name"),
                System.getProperty("user.home"));
    }

    @Override
    public boolean exists(StorePlace place) {
        return Database.exists(address(place));
    }

    @Override
    public Path localFolder(StorePlace place) {
        return place instanceof StoreAddress.Local local ? local.folder() : null;
    }

    @Override
    public Open open(StorePlace place, Clock clock, Map<String, String> env) {
        Database db = whileArgon2WarmsUp(() -> Database.open(address(place)));
        return opened(db, wire(db, clock), place, clock, env);
    }

    @Override
    public Open create(StorePlace place, String site, String admin, char[] password, Clock clock,
                       Map<String, String> env) {
        StoreCreation.Created created = whileArgon2WarmsUp(
                () -> StoreCreation.create(address(place), site, admin, password, db -> wire(db, clock)));
        return opened(created.db(), created.services(), place, clock, env);
    }

    @Override
    public StoreRestore.Outcome restoreIntoTeamStore(StorePlace place, Path backup, Clock clock) {
        return TeamStoreRestore.restore((TeamStore) address(place), backup, clock);
    }

    private static Open opened(Database db, Services services, StorePlace place, Clock clock, Map<String, String> env) {
        Witness witness = Witness.over(db, clock, WitnessLocation.resolve(env, System.getProperty("os.name"),
                System.getProperty("user.home")), place.display());
        return new Open(services, witness, db::close);
    }

    private static Services wire(Database db, Clock clock) {
        return Services.over(db, Argon2Params.SHIPPED, clock, new SecureRandom());
    }

    /** Opens or makes the store while Argon2 loads on a second thread; returns once both are done. */
    private static <T> T whileArgon2WarmsUp(Supplier<T> opening) {
        var argon2 = Argon2WarmUp.start();
        try {
            return opening.get();
        } finally {
            argon2.awaitDone();
        }
    }

    /** Every place the command line holds came from {@link #resolve} (or a test's own StoreAddress). */
    private static StoreAddress address(StorePlace place) {
        return (StoreAddress) place;
    }
}
