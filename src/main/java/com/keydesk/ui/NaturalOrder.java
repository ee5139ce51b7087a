package com.keydesk.ui;

import java.util.Comparator;

/**
 * The order people expect of names: "key 13" before "key 1272", "Backup" beside "backup".
 * Runs of ASCII digits compare by value (any length, no overflow), everything else by character,
 * ignoring case. Names that differ only in case or leading zeros still get a fixed order (so a
 * sort is stable from one reload to the next): by leading zeros, then case-sensitively.
 * Allocates nothing: a table sorts 90,000 rows with it.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();
    /** Nulls (a value a column does not have) after every name. */
    public static final Comparator<String> NULLS_LAST = Comparator.nullsLast(INSTANCE);

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        int zerosTiebreak = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int startA = i;
                int startB = j;
                while (i < a.length() && a.charAt(i) == '0') {
                    i++;
                }
                while (j < b.length() && b.charAt(j) == '0') {
                    j++;
                }
                int zerosA = i - startA;
                int zerosB = j - startB;
                int endA = endOfDigits(a, i);
                int endB = endOfDigits(b, j);
                int lengthA = endA - i;
                int lengthB = endB - j;
                if (lengthA != lengthB) {
                    return Integer.compare(lengthA, lengthB);
                }
                for (; i < endA; i++, j++) {
                    if (a.charAt(i) != b.charAt(j)) {
                        return Character.compare(a.charAt(i), b.charAt(j));
                    }
                }
                if (zerosTiebreak == 0) {
                    zerosTiebreak = Integer.compare(zerosA, zerosB);
                }
                continue;
            }
            if (ca != cb) {
                int folded = Character.compare(fold(ca), fold(cb));
                if (folded != 0) {
                    return folded;
                }
            }
            i++;
            j++;
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        if (rest != 0) {
            return rest;
        }
        return zerosTiebreak != 0 ? zerosTiebreak : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int endOfDigits(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Case folding as String.CASE_INSENSITIVE_ORDER does it, one character at a time. */
    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
