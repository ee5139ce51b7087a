package com.keydesk.ui;

import com.keydesk.domain.KeySearch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store sorts names by KeySearch.sortKey; the in-memory table by NaturalOrder. The two agree
 * on every pair of names whose keys differ, and names with the same key differ only in case or
 * leading zeros (the store then orders by id).
 */
class NaturalSortKeyTest {
    private static final String ALPHABET = "aAbZ0012789 -_.%éÉßİıK\u212A\uFFFD\uD83D\uDE00";

    @Test
    void theSortKeyOrdersNamesAsNaturalOrderDoes() {
        Random random = new Random(7);
        List<String> names = new ArrayList<>(List.of("key 13", "key 1272", "Key 2", "key 02", "key", "key 0",
                "key 00", "a1", "a1b", "a10", "A9", "1234567890", "123456789", "99999999", "100000000", "0009"));
        for (int i = 0; i < 3_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (random.nextBoolean()) {
                name.append(random.nextInt(1_000_000_000) * (random.nextBoolean() ? 1L : 1_000_000L));
            }
            names.add(name.toString());
        }
        for (String a : names) {
            for (int j = 0; j < 40; j++) {
                String b = names.get(random.nextInt(names.size()));
                int byKey = Integer.signum(KeySearch.sortKey(a).compareTo(KeySearch.sortKey(b)));
                int natural = Integer.signum(NaturalOrder.INSTANCE.compare(a, b));
                if (byKey == 0) {
                    assertThat(KeySearch.fold(a.replaceAll("(?<![0-9])0+(?=[0-9])", "")))
                            .as("%s and %s share a key", a, b)
                            .isEqualTo(KeySearch.fold(b.replaceAll("(?<![0-9])0+(?=[0-9])", "")));
                } else {
                    assertThat(byKey).as("%s against %s", a, b).isEqualTo(natural);
                }
            }
        }
    }

    @Test
    void thirteenBeforeTwelveSeventyTwo() {
        assertThat(KeySearch.sortKey("key 13")).isLessThan(KeySearch.sortKey("key 1272"));
        assertThat(KeySearch.sortKey("Key 2")).isLessThan(KeySearch.sortKey("key 13"));
    }
}
