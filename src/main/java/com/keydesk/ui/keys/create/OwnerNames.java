package com.keydesk.ui.keys.create;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The people a key can be made for, searched as the person types: names that start with the
 * typed text first, then names that contain it, at most {@link #SHOWN} (a popup, not a report).
 * One pass over a list read once, so a site with 10,000 users still answers within a keystroke
 * (see OwnerNamesBench, -Pbench). Safe to ask from any thread: the list is replaced, never changed.
 */
public final class OwnerNames {
    public static final int SHOWN = 12;
    private volatile List<Name> names = List.of();

    private record Name(String username, String folded) {
    }

    public void setAll(List<String> usernames) {
        names = usernames.stream().map(u -> new Name(u, u.toLowerCase(Locale.ROOT))).toList();
    }

    public boolean contains(String username) {
        return names.stream().anyMatch(n -> n.username().equals(username));
    }

    public List<String> matching(String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> starting = new ArrayList<>(SHOWN);
        List<String> containing = new ArrayList<>(SHOWN);
        for (Name n : names) {
            if (n.folded().startsWith(q)) {
                starting.add(n.username());
                if (starting.size() == SHOWN) {
                    break;
                }
            } else if (containing.size() < SHOWN && n.folded().contains(q)) {
                containing.add(n.username());
            }
        }
        for (int i = 0; starting.size() < SHOWN && i < containing.size(); i++) {
            starting.add(containing.get(i));
        }
        return starting;
    }
}
