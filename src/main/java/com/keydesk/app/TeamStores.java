package com.keydesk.app;

import com.keydesk.store.PgAddress;
import com.keydesk.store.PgPassword;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.store.TeamStoreProbe;
import com.keydesk.ui.teamstore.TeamStoreAccess;
import com.keydesk.ui.teamstore.TeamStoreAddress;
import com.keydesk.ui.teamstore.TlsMode;

import java.util.Map;
import java.util.Optional;

/**
 * Between the team store dialog's own address type and the store layer's: the dialog never sees
 * {@code store}, and the store never sees the dialog. A password left empty in the dialog is looked
 * up where the command line looks ({@code KEYDESK_STORE_PASSWORD}, {@code PGPASSWORD}, {@code ~/.pgpass}).
 */
final class TeamStores implements TeamStoreAccess {
    private final Map<String, String> env;

    TeamStores(Map<String, String> env) {
        this.env = env;
    }

    /** Slow: connects (off the JavaFX thread). A malformed address fails with the store layer's sentence. */
    @Override
    public Probe probe(TeamStoreAddress address, char[] password) {
        TeamStoreProbe.Result result = TeamStoreProbe.examine(store(address, password));
        Found found = switch (result.found()) {
            case STORE -> Found.STORE;
            case EMPTY -> Found.EMPTY;
            case PROBLEM -> Found.PROBLEM;
        };
        return new Probe(found, result.sentence());
    }

    /** The store the dialog names, with the password typed, or else the one the usual sources give. */
    TeamStore store(TeamStoreAddress address, char[] password) {
        PgAddress pg = pgAddress(address);
        return new TeamStore(pg, password != null ? password
                : PgPassword.find(pg, env, System.getProperty("os.name"), System.getProperty("user.home")));
    }

    static PgAddress pgAddress(TeamStoreAddress a) {
        String host = a.host().contains(":") && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
        return new PgAddress(host, a.port(), a.database(), a.user(), a.tls().wireName(), a.rootCert(),
                PgAddress.DEFAULT_CONNECT_TIMEOUT_SECONDS);
    }

    /** The open team store as the dialog fills its fields with it; nothing for a local store. */
    static Optional<TeamStoreAddress> dialogAddress(StoreAddress address) {
        if (!(address instanceof TeamStore team)) {
            return Optional.empty();
        }
        PgAddress a = team.address();
        String host = a.host().startsWith("[") ? a.host().substring(1, a.host().length() - 1) : a.host();
        return TlsMode.parse(a.sslMode()).map(tls -> new TeamStoreAddress(host, a.port(), a.database(), a.user(), tls,
                a.sslRootCert()));
    }
}
