package com.keydesk.app;

import com.keydesk.store.PgAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.ui.teamstore.TeamStoreAddress;
import com.keydesk.ui.teamstore.TlsMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialog's address type and the store's are two types on purpose (the dialog never sees the
 * store layer), so each writes its own display URL: the recent-stores list and the title bar must
 * still name one store the same way, and an address must survive the trip there and back.
 */
class TeamStoresTest {
    private static final List<TeamStoreAddress> ADDRESSES = List.of(
            new TeamStoreAddress("db.example.com", 5432, "keydesk", "kd_app", TlsMode.PREFER, null),
            new TeamStoreAddress("127.0.0.1", 6543, "kd_1", "postgres", TlsMode.DISABLE, null),
            new TeamStoreAddress("::1", 5432, "keydesk", "alice", TlsMode.VERIFY_FULL, "/etc/ssl/ca.pem"),
            new TeamStoreAddress("DB.Example.com", 15432, "acme_keys", "kd", TlsMode.REQUIRE, null));

    @Test
    void theDialogAndTheStoreNameAStoreAlike() {
        for (TeamStoreAddress a : ADDRESSES) {
            assertThat(TeamStores.pgAddress(a).display()).isEqualTo(a.display());
        }
    }

    @Test
    void anAddressComesBackFromTheStoreAsTheDialogGaveIt() {
        for (TeamStoreAddress a : ADDRESSES) {
            PgAddress pg = TeamStores.pgAddress(a);
            assertThat(TeamStores.dialogAddress(new TeamStore(pg, null))).contains(a);
        }
    }
}
