package com.keydesk.domain;

/**
 * The store's search and the Name column's order for a key table read a page at a time
 * ({@code KeyService.page}): the store keeps each key's {@link #fold folded} name and
 * {@link #sortKey sort key} in columns of their own so that an index serves both at a million keys.
 *
 * <p>Search: the text typed (spaces at either end dropped) is the start of the key's name or of
 * its owner's username, ignoring case. "sync" finds "Sync job 12" and every key of "syncbot";
 * "job" finds neither. A start, not any part, because only a start can be read from an index.
 * The desktop's tables read a page at a time (more than 20,000 keys, ui/keys/PagedKeyTable) search
 * by this rule; those held in memory (ui/keys/KeyRow) still match any part of the name,
 * description, label or owner: narrowing them too would take search away from every site to serve
 * the largest.
 */
public final class KeySearch {
    private KeySearch() {
    }

    /**
     * The longest search that can match: a key's name is at most 100 characters (UTF-16 units,
     * service/InputRules) and a username 64, and folding keeps lengths. A longer one matches no key,
     * and the store is not asked: a search is typed (or pasted) text of any length, and would
     * otherwise become a statement's parameter whole.
     */
    public static final int LONGEST_MATCHABLE = 100;

    /** Whether a {@link #normalize}d query is short enough to match a key's name or owner. */
    public static boolean canMatch(String normalizedQuery) {
        return normalizedQuery.length() <= LONGEST_MATCHABLE;
    }

    /** The query as matched: stripped and folded; made once per keystroke. */
    public static String normalize(String query) {
        return query == null ? "" : fold(query.strip());
    }

    /** Whether a key with this name and owner (null: a site key) matches a {@link #normalize}d query. */
    public static boolean matches(String normalizedQuery, String name, String ownerUsername) {
        return matchesFolded(normalizedQuery, fold(name), ownerUsername == null ? null : fold(ownerUsername));
    }

    /** {@link #matches}, for a name and owner {@link #fold}ed ahead (a table folds each once, not per keystroke). */
    public static boolean matchesFolded(String normalizedQuery, String foldedName, String foldedOwner) {
        return normalizedQuery.isEmpty() || foldedName.startsWith(normalizedQuery)
                || foldedOwner != null && foldedOwner.startsWith(normalizedQuery);
    }

    /**
     * Case folded one character at a time, as String.CASE_INSENSITIVE_ORDER compares (and the
     * Name column sorts): lengths never change, so a folded prefix is the prefix of the folded name.
     */
    public static String fold(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(out[i]);
        }
        return new String(out);
    }

    /**
     * A string whose plain character order is the natural order of names (ui/NaturalOrder: "key 13"
     * before "key 1272", case ignored): characters folded, and each run of ASCII digits, its leading
     * zeros dropped, written as its length and then its digits, so a longer number sorts after a
     * shorter one. The length is one digit up to 8 ("13" is "213"), else '9' and three digits
     * ("1234567890" is "9010" and the digits): a name is at most 100 characters, and the length
     * stays among the digits, so a number still sorts where its first digit did against letters.
     * Names that differ only in case or leading zeros get the same key; a table orders those by id.
     */
    public static String sortKey(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (!isDigit(c)) {
                out.append(fold(c));
                i++;
                continue;
            }
            while (i < name.length() && name.charAt(i) == '0') {
                i++;
            }
            int start = i;
            while (i < name.length() && isDigit(name.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length <= 8) {
                out.append((char) ('0' + length));
            } else {
                out.append('9').append(String.format("%03d", length));
            }
            out.append(name, start, i);
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
