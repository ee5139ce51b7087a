package com.keydesk.service;

import com.keydesk.domain.AuditEntry;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One pass over the audit log in order of sequence number: checks each link of the hash chain and
 * keeps, per target, the newest row digest, so that rows can be checked against it afterwards
 * without holding the entries themselves.
 */
final class ChainWalk implements Consumer<AuditEntry> {
    /** Entries that fit, counted from the first. */
    long checked;
    /** The hash of the last entry that fit. */
    String previous = AuditChain.GENESIS;
    /** The first problem found, or null; nothing after it is checked. */
    String problem;
    long brokenSeq = -1;
    final Map<String, String> latestDigests = new HashMap<>();

    @Override
    public void accept(AuditEntry e) {
        if (problem != null) {
            return;
        }
        long expected = checked + 1;
        if (e.seq() != expected) {
            fail(expected, "Audit entry " + expected + " is missing or out of order.");
        } else if (!e.prevHash().equals(previous)) {
            fail(e.seq(), "Audit entry " + e.seq()
                    + " does not follow the entry before it: an entry was removed, inserted or reordered.");
        } else if (!AuditChain.hashOf(e).equals(e.entryHash())) {
            fail(e.seq(), "Audit entry " + e.seq() + " was changed after it was written.");
        } else {
            previous = e.entryHash();
            checked = e.seq();
            if (e.rowDigest() != null) {
                latestDigests.put(e.target(), e.rowDigest());
            }
        }
    }

    private void fail(long seq, String message) {
        problem = message;
        brokenSeq = seq;
    }
}
