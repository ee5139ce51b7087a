package com.keydesk.service;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyCondition;
import com.keydesk.domain.KeySearch;
import com.keydesk.domain.KeyStatusFilter;
import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyTableQuery;
import com.keydesk.domain.KeyTableQuery.Order;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key table read on demand (count, page, position) shows exactly the keys, in exactly the order,
 * that the rules applied in memory give (KeySearch, KeyStatusFilter over KeyCondition, the name's
 * natural order): every type, search, status filter, order and direction, on both engines (the
 * build runs this class on H2 and on PostgreSQL). A non-administrator's table holds only their own keys.
 */
class KeyTablePagesTest {
    private static final List<String> SEARCHES = List.of("", "s", "SYNC", "sync job 1", "sync job 13", "b", "BO",
            "carol", "ärg", "%", "_", "100%", "zzz", "  backup  ");

    @TempDir
    Path temp;
    private TestStore store;
    private Session bob;
    private KeyService keys;

    @BeforeEach
    void fill() {
        store = TestStore.in(temp);
        keys = store.services.keys();
        store.allowUsersToCreateKeys(true);
        bob = store.addUser("bob");
        store.addUser("carol");
        store.addUser("bo_x");
        Instant start = store.clock.instant();
        List<IssuedKey> made = new ArrayList<>();
        String[] names = {"Sync job 13", "sync job 1272", "Sync job 2", "Backup 7", "backup 007", "Ärger", "arg",
                "100% off", "100_off", "Zebra", "sync job 13", "Key 9", "key 10", "Bob's key", "x"};
        for (int i = 0; i < names.length; i++) {
            Instant expires = switch (i % 5) {
                case 0 -> null;
                case 1 -> start.plus(Duration.ofDays(2));      // expired once the clock moves on
                case 2 -> start.plus(Duration.ofDays(12));     // expiring soon then
                case 3 -> start.plus(Duration.ofDays(60));
                default -> start.plus(Duration.ofDays(12));    // the same expiry as another: ties by id
            };
            String owner = switch (i % 4) {
                case 0 -> null;
                case 1 -> "bob";
                case 2 -> "carol";
                default -> "bo_x";
            };
            made.add(keys.create(store.admin, owner == null ? NewKey.site(names[i], "about " + i, expires)
                    : NewKey.forUser(owner, names[i], null, PermissionSet.FULL, expires)));
            if (i % 3 != 0) {
                store.clock.advance(Duration.ofMinutes(1));   // every third shares its creation time with the one before
            }
        }
        keys.disable(store.admin, made.get(3).key().id());
        keys.disable(store.admin, made.get(6).key().id());
        store.services.api().authenticate(made.get(4).secret().reveal(), "test");
        store.clock.advance(Duration.ofMinutes(5));
        store.services.api().authenticate(made.get(8).secret().reveal(), "test");
        store.services.api().authenticate(made.get(12).secret().reveal(), "test");
        store.services.users().setActive(store.admin, "carol", false);
        store.clock.advance(Duration.ofDays(6));   // now: day 6, so day 2 is past and day 12 is soon
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyTypeSearchStatusAndOrderCountsAndReadsExactlyTheKeysTheRulesGive() {
        Instant now = store.clock.instant();
        for (KeyType type : new KeyType[] {null, KeyType.SITE, KeyType.USER}) {
            List<KeySummary> all = keys.tableRows(store.admin, type, Integer.MAX_VALUE, Function.identity());
            for (String search : SEARCHES) {
                for (KeyStatusFilter status : KeyStatusFilter.values()) {
                    for (Order order : Order.values()) {
                        for (boolean descending : new boolean[] {false, true}) {
                            KeyTableQuery query = new KeyTableQuery(type, search, status, order, descending);
                            List<Long> expected = expected(all, query, now);
                            String what = query.toString();
                            if (type == null && search.isEmpty()) {
                                assertThat(expected).as("every filter has keys to show: " + what).isNotEmpty();
                            }
                            assertThat(keys.count(store.admin, query)).as(what).isEqualTo(expected.size());
                            assertThat(ids(keys.page(store.admin, query, 0, 1000, Function.identity()))).as(what)
                                    .isEqualTo(expected);
                            // a page of one: read in the order's index whenever a key matches (see
                            // KeyTablePages.readsMatchesFirst), where the page of 1,000 reads the matches first
                            assertThat(ids(keys.page(store.admin, query, 0, 1, Function.identity())))
                                    .as(what + ", the first key alone").isEqualTo(expected.subList(0, Math.min(1, expected.size())));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aDisabledKeysRowCarriesTheSetEnableGivesBackAndAnEnabledOnesDoesNot() {
        long id = keys.create(store.admin, NewKey.forUser("bob", "Laptop", null, PermissionSet.DESKTOP_APP, null))
                .key().id();
        keys.disable(store.admin, id);
        KeyTableQuery query = new KeyTableQuery(KeyType.USER, "Laptop", KeyStatusFilter.ALL, Order.NEWEST, false);
        assertThat(row(keys.tableRows(store.admin, KeyType.USER, Integer.MAX_VALUE, Function.identity()), id))
                .satisfies(key -> {
                    assertThat(key.permissionSet()).isEqualTo(PermissionSet.NONE);
                    assertThat(key.restoredOnEnable()).isEqualTo(PermissionSet.DESKTOP_APP);
                });
        assertThat(row(keys.page(store.admin, query, 0, 10, Function.identity()), id).restoredOnEnable())
                .isEqualTo(PermissionSet.DESKTOP_APP);

        keys.enable(store.admin, id, null);
        assertThat(row(keys.tableRows(store.admin, KeyType.USER, Integer.MAX_VALUE, Function.identity()), id))
                .satisfies(key -> {
                    assertThat(key.permissionSet()).isEqualTo(PermissionSet.DESKTOP_APP);
                    assertThat(key.restoredOnEnable()).isNull();
                });
        assertThat(row(keys.page(store.admin, query, 0, 10, Function.identity()), id).restoredOnEnable()).isNull();
    }

    private static KeySummary row(List<KeySummary> rows, long id) {
        return rows.stream().filter(k -> k.id() == id).findFirst().orElseThrow();
    }

    @Test
    void pagesAtEveryOffsetAndEveryKeysPositionFollowTheOrder() {
        Instant now = store.clock.instant();
        List<KeySummary> all = keys.tableRows(store.admin, null, Integer.MAX_VALUE, Function.identity());
        for (Order order : Order.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                for (String search : List.of("", "sync")) {
                    KeyTableQuery query = new KeyTableQuery(null, search, KeyStatusFilter.ALL, order, descending);
                    List<Long> expected = expected(all, query, now);
                    List<Long> walked = new ArrayList<>();
                    for (int offset = 0; offset < expected.size() + 3; offset += 4) {
                        var page = keys.countAndPage(store.admin, query, offset, 4, Function.identity());
                        assertThat(page.count()).isEqualTo(expected.size());
                        walked.addAll(ids(page.rows()));
                    }
                    assertThat(walked).as(query.toString()).isEqualTo(expected);
                    for (KeySummary key : all) {
                        assertThat(keys.positionOf(store.admin, query, key.id())).as(query + " key " + key.name())
                                .isEqualTo(expected.indexOf(key.id()));
                    }
                }
            }
        }
    }

    @Test
    void aNonAdministratorCountsReadsAndFindsOnlyTheirOwnKeys() {
        List<KeySummary> everyone = keys.tableRows(store.admin, null, Integer.MAX_VALUE, Function.identity());
        List<KeySummary> his = keys.tableRows(bob, null, Integer.MAX_VALUE, Function.identity());
        assertThat(his).isNotEmpty().allSatisfy(k -> assertThat(k.ownerUsername()).isEqualTo("bob"));
        KeyTableQuery query = new KeyTableQuery(null, "", KeyStatusFilter.ALL, Order.NAME, false);

        assertThat(keys.count(bob, query)).isEqualTo(his.size());
        assertThat(ids(keys.page(bob, query, 0, 1000, Function.identity())))
                .containsExactlyElementsOf(expected(his, query, store.clock.instant()));
        long carols = everyone.stream().filter(k -> "carol".equals(k.ownerUsername())).findFirst().orElseThrow().id();
        assertThat(keys.positionOf(bob, query, carols)).isEqualTo(-1);
        assertThat(keys.count(bob, query.withSearch("carol"))).isZero();
    }

    @Test
    void keysFromBeforeTheSortAndSearchColumnsGetThemWhenTheStoreOpens() {
        KeyTableQuery byName = new KeyTableQuery(null, "sync job", KeyStatusFilter.ALL, Order.NAME, false);
        List<Long> before = ids(keys.page(store.admin, byName, 0, 1000, Function.identity()));
        assertThat(before).hasSize(4);
        store.db.autoCommitted(dsl -> {
            dsl.connection(com.keydesk.store.UndoV7::undo);   // as a store written before V7
            return null;
        });
        store.close();

        store = TestStore.reopen(temp);
        keys = store.services.keys();
        assertThat(ids(keys.page(store.admin, byName, 0, 1000, Function.identity()))).isEqualTo(before);
    }

    @Test
    void aPageIsBounded() {
        KeyTableQuery query = KeyTableQuery.all(null);
        assertThatThrownBy(() -> keys.page(store.admin, query, 0, KeyService.MAX_PAGE + 1, Function.identity()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The table as the in-memory rules make it. */
    private static List<Long> expected(List<KeySummary> all, KeyTableQuery query, Instant now) {
        String q = KeySearch.normalize(query.search());
        Comparator<KeySummary> order = switch (query.order()) {
            case NEWEST -> Comparator.comparingLong(KeySummary::id).reversed();
            case NAME -> Comparator.comparing((KeySummary k) -> KeySearch.sortKey(k.name())).thenComparingLong(KeySummary::id);
            case CREATED -> Comparator.comparing(KeySummary::createdAt).thenComparingLong(KeySummary::id);
            case EXPIRES -> Comparator.comparing(KeySummary::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(KeySummary::id);
            case LAST_USE -> Comparator.comparing(KeySummary::lastUseAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(KeySummary::id);
        };
        return all.stream()
                .filter(k -> KeySearch.matches(q, k.name(), k.ownerUsername()))
                .filter(k -> query.status().accepts(KeyCondition.of(k, now)))
                .sorted(query.descending() ? order.reversed() : order)
                .map(KeySummary::id).toList();
    }

    private static List<Long> ids(List<KeySummary> rows) {
        return rows.stream().map(KeySummary::id).toList();
    }
}
