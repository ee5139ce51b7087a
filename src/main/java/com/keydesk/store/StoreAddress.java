package com.keydesk.store;

import com.keydesk.domain.StorePlace;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which store KeyDesk works on: the embedded H2 file in a local folder (the default, for one
 * administrator on one machine) or a team store on a PostgreSQL server that several
 * administrators, scripts and servers share.
 */
public sealed interface StoreAddress extends StorePlace permits StoreAddress.Local, TeamStore {

    /** The local H2 store in {@code folder}. */
    record Local(Path folder) implements StoreAddress {
        @Override
        public String display() {
            return folder.toString();
        }
    }

    /**
     * {@code --store URL} names a team store and {@code --data DIR} a local folder; without either,
     * {@code KEYDESK_STORE} names a team store, else the store is the local folder of
     * {@code KEYDESK_HOME} or the system's data folder. An option on the command line beats the environment.
     */
    static StoreAddress resolve(String storeOption, String dataOption, Map<String, String> env, String osName,
                                String userHome) {
        String team = storeOption != null ? storeOption : dataOption != null ? null : env.get("KEYDESK_STORE");
        if (team != null && !team.isBlank()) {
            String defaultUser = env.getOrDefault("PGUSER", System.getProperty("user.name"));
            PgAddress address = PgAddress.parse(team.strip(), defaultUser);
            return new TeamStore(address, PgPassword.find(address, env, osName, userHome));
        }
        return new Local(StoreLocation.resolve(dataOption, env, osName, userHome));
    }
}
