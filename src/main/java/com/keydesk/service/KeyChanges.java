package com.keydesk.service;

import java.util.List;
import java.util.Set;

/**
 * What changed in the keys someone may see since the audit entry a key table last saw: the rows
 * to put in or update, the ids to take out, and the entry to watch from next.
 *
 * @param head        the newest audit entry now: pass it as {@code afterSeq} next time
 * @param reloadAll   too much changed (or the whole store was replaced) to patch: load the table afresh
 * @param changed     the current rows of changed keys the person may see, newest first
 * @param gone        ids of changed keys that are gone (revoked) or no longer theirs to see
 * @param siteChanged the site's name or setting changed
 */
public record KeyChanges<R>(long head, boolean reloadAll, List<R> changed, Set<Long> gone, boolean siteChanged) {

    public static <R> KeyChanges<R> none(long head) {
        return new KeyChanges<>(head, false, List.of(), Set.of(), false);
    }

    public static <R> KeyChanges<R> everything(long head) {
        return new KeyChanges<>(head, true, List.of(), Set.of(), true);
    }

    public boolean isEmpty() {
        return !reloadAll && changed.isEmpty() && gone.isEmpty() && !siteChanged;
    }
}
