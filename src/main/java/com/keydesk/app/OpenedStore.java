package com.keydesk.app;

import com.keydesk.service.Services;
import com.keydesk.service.Witness;
import com.keydesk.store.Database;
import com.keydesk.store.StoreAddress;

/**
 * A store the app has open: its database, the services over it, and the witness's memory of its
 * history (with what the witness found wrong when it opened, or null).
 */
record OpenedStore(StoreAddress address, Database database, Services services, Witness witness,
                   String historyProblem) {

    /** After a restore made on purpose, an older history is expected: nothing to warn about. */
    OpenedStore withoutHistoryProblem() {
        return new OpenedStore(address, database, services, witness, null);
    }

    /** Remembers how far the history went (for the next start to check), then closes the store. */
    void close() {
        try {
            if (historyProblem == null) {
                witness.remember();
            }
        } catch (RuntimeException e) {
            // the memory is a check for next time; failing to update it must never stop a close
        } finally {
            database.close();
        }
    }
}
