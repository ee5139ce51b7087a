package com.keydesk.service;

import com.keydesk.domain.KeySearch;
import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyTableQuery;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.H2Statements;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search is whatever was typed or pasted. One longer than any key's name or owner's username
 * matches nothing, and is not sent to the store (both engines; the statement check on H2).
 */
class LongSearchTest {
    @TempDir
    Path temp;

    @Test
    void theLongestNameStillMatchesAndALongerSearchMatchesNothing() {
        try (TestStore store = TestStore.in(temp)) {
            KeyService keys = store.services.keys();
            String longest = "L".repeat(KeySearch.LONGEST_MATCHABLE);   // as long as a name may be
            keys.create(store.admin, NewKey.site(longest, null, null));
            store.addUser("bob");
            keys.create(store.admin, NewKey.forUser("bob", "Bob laptop", null, PermissionSet.FULL, null));
            KeyTableQuery all = KeyTableQuery.all(null);

            assertThat(keys.count(store.admin, all.withSearch(longest.toLowerCase()))).isEqualTo(1);
            String pasted = longest + "x".repeat(1_000_000);
            assertThat(keys.count(store.admin, all.withSearch(pasted))).isZero();
            assertThat(keys.page(store.admin, all.withSearch(pasted), 0, 50, KeySummary::name)).isEmpty();
            assertThat(keys.page(store.admin, all.withSearch("bob"), 0, 50, KeySummary::name)).containsExactly("Bob laptop");
        }
    }

    @Test
    void aSearchLongerThanAnyNameIsNotBoundIntoTheStatement() {
        try (TestStore store = TestStore.in(temp)) {
            H2Statements statements = H2Statements.countFrom(store.db);
            store.services.keys().count(store.admin, KeyTableQuery.all(null).withSearch("y".repeat(KeySearch.LONGEST_MATCHABLE + 1)));

            assertThat(statements.executed().keySet()).anyMatch(sql -> sql.contains("1 = 0"))
                    .noneMatch(sql -> sql.contains("name_fold >=") || sql.contains("username_key like"));
        }
    }
}
