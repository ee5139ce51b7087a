package com.keydesk.service;

/**
 * The result of checking the audit chain.
 *
 * @param firstBrokenSeq the sequence number of the first entry that was changed, removed or
 *                       reordered, or -1 when the chain holds
 * @param message        the result as a sentence
 */
public record AuditVerification(boolean intact, long entriesChecked, long firstBrokenSeq, String message) {
}
