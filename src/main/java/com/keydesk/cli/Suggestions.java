package com.keydesk.cli;

import java.util.Collection;
import java.util.List;

/**
 * The words a mistyped command or option was probably meant to be: those at the smallest edit
 * distance (a swapped pair of letters counting as one edit, the commonest slip), within one edit
 * for a short word and two for a longer one. picocli's own suggestions compare letter pairs,
 * which misses swaps ("kyes" shares no pair with "keys").
 */
final class Suggestions {
    private Suggestions() {
    }

    /** A second line naming the nearest candidates, or "" when none is near. */
    static String line(String typed, Collection<String> candidates) {
        List<String> near = near(typed, candidates);
        return near.isEmpty() ? "" : "\nDid you mean " + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static List<String> near(String typed, Collection<String> candidates) {
        int allowed = typed.replace("-", "").length() >= 5 ? 2 : 1;
        int best = candidates.stream().mapToInt(c -> distance(typed, c)).min().orElse(Integer.MAX_VALUE);
        if (best > allowed) {
            return List.of();
        }
        return candidates.stream().filter(c -> distance(typed, c) == best).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
