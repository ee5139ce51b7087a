package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.PgAddress;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paged key lists read from the store a page at a time, on both engines: every order, owner and
 * expiry filter, walked page by page with every page size, gives exactly the list sorted and
 * filtered here by other means; keys added and removed between pages neither repeat nor hide a key
 * that existed throughout. Several keys share each expiry and many have none, the cases a keyset
 * gets wrong first.
 */
class KeyPagesTest {
    private static final Comparator<ApiKey> NEWEST_FIRST = Comparator.comparingLong(ApiKey::id).reversed();
    private static final Comparator<ApiKey> EXPIRES_ASC = Comparator.comparing(ApiKey::expiresAt,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(ApiKey::id);

    @TempDir
    Path temp;
    private final MutableClock clock = new MutableClock();
    private StoreCreation.Created store;
    private Session admin;
    private Session bob;
    private Instant day1;
    private Instant day2;
    private Instant day3;

    @AfterEach
    void close() {
        if (store != null) {
            store.db().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyPageSizeOrderOwnerAndFilterWalksExactlyTheSortedList(String engine) {
        open(engine);
        String siteSecret = fill();
        Session siteKey = services().api().authenticate(siteSecret, "test").session();
        List<ApiKey> all = services().keys().list(admin);
        long bobId = bob.userId();

        record Case(String what, Session session, KeyQuery.Owner owner, long userId, Predicate<ApiKey> visible,
                    Instant eq, Instant gt, Instant gte, Instant lt, Instant lte) {
        }
        List<Case> cases = List.of(
                new Case("admin, all", admin, KeyQuery.Owner.ALL_VISIBLE, 0, k -> true, null, null, null, null, null),
                new Case("bob, all he sees", bob, KeyQuery.Owner.ALL_VISIBLE, 0, k -> Long.valueOf(bobId).equals(k.userId()),
                        null, null, null, null, null),
                new Case("admin, bob's", admin, KeyQuery.Owner.USER, bobId, k -> Long.valueOf(bobId).equals(k.userId()),
                        null, null, null, null, null),
                new Case("a site key, its own kind", siteKey, KeyQuery.Owner.SELF, 0, k -> k.userId() == null,
                        null, null, null, null, null),
                new Case("admin, expiring on day 2", admin, KeyQuery.Owner.ALL_VISIBLE, 0, k -> day2.equals(k.expiresAt()),
                        day2, null, null, null, null),
                new Case("admin, after day 1 up to day 3", admin, KeyQuery.Owner.ALL_VISIBLE, 0,
                        k -> k.expiresAt() != null && k.expiresAt().isAfter(day1) && !k.expiresAt().isAfter(day3),
                        null, day1, null, null, day3),
                new Case("bob, from day 2, before day 3", bob, KeyQuery.Owner.ALL_VISIBLE, 0,
                        k -> Long.valueOf(bobId).equals(k.userId()) && k.expiresAt() != null
                                && !k.expiresAt().isBefore(day2) && k.expiresAt().isBefore(day3),
                        null, null, day2, day3, null));
        for (Case c : cases) {
            for (KeyQuery.Order order : KeyQuery.Order.values()) {
                Comparator<ApiKey> sorted = switch (order) {
                    case NEWEST_FIRST -> NEWEST_FIRST;
                    case EXPIRES_ASC -> EXPIRES_ASC;
                    case EXPIRES_DESC -> EXPIRES_ASC.reversed();
                };
                List<Long> expected = all.stream().filter(c.visible()).sorted(sorted).map(ApiKey::id).toList();
                assertThat(expected).as(c.what()).isNotEmpty();
                for (int perPage : new int[]{1, 2, 3, 7, 1000}) {
                    List<Long> walked = new ArrayList<>();
                    KeyQuery.Position after = null;
                    int pages = 0;
                    while (true) {
                        KeyPage page = services().keyPages().page(c.session(), new KeyQuery(c.owner(), c.userId(),
                                c.eq(), c.gt(), c.gte(), c.lt(), c.lte(), order, after, perPage));
                        pages++;
                        assertThat(page.keys().size()).isLessThanOrEqualTo(perPage);
                        page.keys().forEach(k -> walked.add(k.id()));
                        if (!page.more() || walked.size() > expected.size()) {   // a list that never ends stops too
                            break;
                        }
                        assertThat(page.keys()).hasSize(perPage);
                        after = KeyQuery.Position.of(page.keys().getLast());
                    }
                    assertThat(walked).as("%s, %s, %d a page", c.what(), order, perPage).isEqualTo(expected);
                    assertThat(pages).isEqualTo(Math.max(1, (expected.size() + perPage - 1) / perPage));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void keysAddedAndRemovedBetweenPagesNeitherRepeatNorHideOthers(String engine) {
        open(engine);
        fill();
        for (KeyQuery.Order order : KeyQuery.Order.values()) {
            Set<Long> throughout = new HashSet<>(services().keys().list(admin).stream().map(ApiKey::id).toList());
            List<Long> walked = new ArrayList<>();
            KeyQuery.Position after = null;
            int round = 0;
            while (true) {
                KeyPage page = services().keyPages().page(admin, new KeyQuery(KeyQuery.Owner.ALL_VISIBLE, 0,
                        null, null, null, null, null, order, after, 4));
                page.keys().forEach(k -> walked.add(k.id()));
                if (!page.more() || walked.size() > 200) {   // a list that never ends stops too
                    break;
                }
                after = KeyQuery.Position.of(page.keys().getLast());
                // between pages: a new key on every kind of expiry, one listed key and one not yet listed revoked
                Instant expiry = switch (round++ % 3) {
                    case 0 -> null;
                    case 1 -> day2;
                    default -> after.expiresAt();
                };
                services().keys().create(admin, NewKey.site("added " + round, null, expiry));
                long listed = page.keys().getFirst().id();
                services().keys().revoke(admin, listed);
                throughout.remove(listed);
                Long notYet = throughout.stream().filter(id -> !walked.contains(id)).findFirst().orElse(null);
                if (notYet != null) {
                    services().keys().revoke(admin, notYet);
                    throughout.remove(notYet);
                }
            }
            assertThat(walked).as(order.name()).doesNotHaveDuplicates();
            assertThat(walked).as(order.name()).containsAll(throughout);
        }
    }

    private void open(String engine) {
        StoreAddress address = engine.equals("h2") ? new StoreAddress.Local(temp.resolve("store"))
                : new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        store = StoreCreation.create(address, "Acme", TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray(),
                db -> Services.over(db, TestStore.CHEAP, clock, new SecureRandom()));
        admin = store.session();
        services().users().add(admin, "bob", null, false, "bob password 123".toCharArray());
        services().users().add(admin, "carol", null, false, "carol password 123".toCharArray());
        bob = services().auth().signIn("bob", "bob password 123".toCharArray());
        day1 = clock.instant().plus(Duration.ofDays(1));
        day2 = clock.instant().plus(Duration.ofDays(2));
        day3 = clock.instant().plus(Duration.ofDays(3));
    }

    /** 45 keys: site keys and two users' keys; two in seven never expire, the rest share three days and one odd time. */
    private String fill() {
        String siteSecret = null;
        Instant odd = day2.plus(Duration.ofMinutes(7));
        for (int i = 0; i < 45; i++) {
            Instant expires = switch (i % 7) {   // 7 and the 3 owners below: every owner gets every expiry
                case 0, 3 -> null;
                case 1 -> day1;
                case 2, 6 -> day2;
                case 4 -> day3;
                default -> odd;
            };
            IssuedKey issued = switch (i % 3) {
                case 0 -> services().keys().create(admin, NewKey.site("site " + i, null, expires));
                case 1 -> services().keys().create(admin, NewKey.forUser("bob", "bob " + i, null, PermissionSet.FULL, expires));
                default -> services().keys().create(admin, NewKey.forUser("carol", "carol " + i, null, PermissionSet.FULL, expires));
            };
            if (i == 0) {
                siteSecret = issued.secret().reveal();
            }
        }
        return siteSecret;
    }

    private Services services() {
        return store.services();
    }
}
