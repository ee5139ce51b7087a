package com.keydesk.ui.keys;

import com.keydesk.ui.Messages;

import java.util.List;

/**
 * The keys a bulk confirmation acts on, one line each ("• Backup job — bob"), so the person sees
 * what they are about to change, not only how many. A long selection is cut after
 * {@link #SHOWN} lines and summarised ("and 12 more"), so the dialog never outgrows the screen.
 */
final class KeyList {
    static final int SHOWN = 8;

    private KeyList() {
    }

    /** The list as lines to put below a confirmation's sentence (starting with a blank line). */
    static String below(List<KeyRow> targets) {
        StringBuilder out = new StringBuilder("\n");
        int shown = targets.size() > SHOWN ? SHOWN - 1 : targets.size();   // "and 1 more" would waste a line
        for (KeyRow row : targets.subList(0, shown)) {
            out.append('\n').append(Messages.format("bulk.list.line", row.name(),
                    row.isSiteKey() ? Messages.get("bulk.list.site") : row.owner()));
        }
        if (shown < targets.size()) {
            out.append('\n').append(Messages.format("bulk.list.more", targets.size() - shown));
        }
        return out.toString();
    }
}
