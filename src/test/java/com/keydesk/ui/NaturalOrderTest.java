package com.keydesk.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {
    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        Collections.shuffle(list, new Random(7));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void numbersCompareByValueNotByDigit() {
        assertThat(sorted("Sync job 1272", "Sync job 13", "Sync job 2", "Sync job 130"))
                .containsExactly("Sync job 2", "Sync job 13", "Sync job 130", "Sync job 1272");
    }

    @Test
    void caseIsIgnored() {
        assertThat(sorted("beta", "Alpha", "alpha 2", "Gamma", "ALPHA 10"))
                .containsExactly("Alpha", "alpha 2", "ALPHA 10", "beta", "Gamma");
    }

    @Test
    void aPrefixComesFirst() {
        assertThat(sorted("key 1 old", "key", "key 1")).containsExactly("key", "key 1", "key 1 old");
    }

    @Test
    void numbersLongerThanALongStillCompareByValue() {
        String big = "n 99999999999999999999999999";
        String bigger = "n 100000000000000000000000000";
        assertThat(sorted(bigger, big, "n 3")).containsExactly("n 3", big, bigger);
    }

    @Test
    void namesThatDifferOnlyInCaseOrLeadingZerosStillHaveAFixedOrder() {
        assertThat(NaturalOrder.INSTANCE.compare("demo000042", "demo42")).isPositive();
        assertThat(NaturalOrder.INSTANCE.compare("demo42", "demo000042")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("Backup", "backup")).isEqualTo("Backup".compareTo("backup"));
        assertThat(NaturalOrder.INSTANCE.compare("same 7", "same 7")).isZero();
        // leading zeros do not change the value: 007 sits between 6 and 8
        assertThat(sorted("agent 8", "agent 007", "agent 6")).containsExactly("agent 6", "agent 007", "agent 8");
    }

    @Test
    void zeroPaddedUsernamesSortAsNumbers() {
        assertThat(sorted("demo000100", "demo000020", "demo000003")).containsExactly("demo000003", "demo000020", "demo000100");
    }

    @Test
    void nullsGoLast() {
        List<String> list = new ArrayList<>(java.util.Arrays.asList("b", null, "a"));
        list.sort(NaturalOrder.NULLS_LAST);
        assertThat(list).containsExactly("a", "b", null);
    }

    @Test
    void theOrderIsConsistentOnManyMixedNames() {
        Random random = new Random(42);
        String[] parts = {"a", "B", "0", "00", "1", "7", "10", " ", "-", "é", "É", "z9", "x"};
        List<String> names = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            names.add(name.toString());
        }
        for (String a : names) {
            assertThat(NaturalOrder.INSTANCE.compare(a, a)).isZero();
            for (String b : names) {
                int ab = Integer.signum(NaturalOrder.INSTANCE.compare(a, b));
                assertThat(ab).as("%s vs %s", a, b).isEqualTo(-Integer.signum(NaturalOrder.INSTANCE.compare(b, a)));
                assertThat(ab == 0).as("zero only for equal names: %s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
        // transitivity: a sorted list is in order pairwise, not only neighbour to neighbour
        names.sort(NaturalOrder.INSTANCE);
        for (int x = 0; x < names.size(); x++) {
            for (int y = x + 1; y < names.size(); y++) {
                assertThat(NaturalOrder.INSTANCE.compare(names.get(x), names.get(y))).isLessThanOrEqualTo(0);
            }
        }
    }
}
