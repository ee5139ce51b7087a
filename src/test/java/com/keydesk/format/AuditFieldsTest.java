package com.keydesk.format;

import com.keydesk.domain.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's audit JSON and the audit screen's files name the same stored fields, in the same order. */
class AuditFieldsTest {
    private static final AuditEntry ENTRY = new AuditEntry(7, Instant.parse("2026-06-01T10:00:00.123Z"), "alice",
            "api_key.created", "api_key:3", "ok", "key 3", "d".repeat(64), "p".repeat(64), "e".repeat(64));

    @Test
    void everyStoredFieldUnderItsName() {
        assertThat(AuditFields.of(ENTRY)).containsExactly(
                java.util.Map.entry("seq", 7L), java.util.Map.entry("at", ENTRY.at()),
                java.util.Map.entry("actor", "alice"), java.util.Map.entry("action", "api_key.created"),
                java.util.Map.entry("target", "api_key:3"), java.util.Map.entry("outcome", "ok"),
                java.util.Map.entry("detail", "key 3"), java.util.Map.entry("row_digest", "d".repeat(64)),
                java.util.Map.entry("prev_hash", "p".repeat(64)), java.util.Map.entry("entry_hash", "e".repeat(64)));
    }

    @Test
    void theReadableNamesStandBesideWhatTheyName() {
        List<String> stored = new ArrayList<>(AuditFields.of(ENTRY).keySet());
        stored.add(stored.indexOf("action") + 1, "action_name");
        stored.add(stored.indexOf("target") + 1, "target_name");
        assertThat(AuditFields.named(ENTRY, "Key created", "key 3").keySet()).containsExactlyElementsOf(stored);
        assertThat(AuditFields.named(ENTRY, "Key created", null)).containsEntry("action_name", "Key created")
                .containsEntry("target_name", null);
    }
}
