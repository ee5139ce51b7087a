package com.keydesk.ui.audit;

import com.keydesk.domain.AuditEntry;
import com.keydesk.format.AuditFields;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen's CSV header is the shared audit fields (the command line's) with the two readable ones. */
class AuditExportColumnsTest {
    @Test
    void theHeaderNamesTheSharedFields() {
        AuditEntry entry = new AuditEntry(1, Instant.EPOCH, "alice", "user.added", "user:2", "ok", null, null, "0", "1");
        assertThat(AuditExport.COLUMNS).containsExactlyElementsOf(AuditFields.named(entry, "User added", "bob").keySet());
    }
}
