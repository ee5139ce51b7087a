package com.keydesk.cli;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.NewKey;
import com.keydesk.format.AuditFields;
import com.keydesk.format.Json;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit list} writes each entry as the store hands it over (a million-key site has a
 * million entries): a script must get exactly what encoding the whole list at once gave, across
 * more than one 64 KB block of awkward text, and a refused person nothing at all.
 */
class AuditListStreamsTest {
    private static final String[] NAMES = {"Quote \" and backslash \\ and slash /", "Ünïcödé ✓ 日本語 Ελληνικά",
            "Emoji 😀🔑", "=HYPERLINK(\"x\")", "\\u0041 not an escape", "plain"};
    private static final Pattern SEQ = Pattern.compile("\"seq\" ?: ?(\\d+)");

    @TempDir
    Path temp;

    @BeforeEach
    void aLogOfSeveralBlocks() {
        try (TestStore store = TestStore.in(temp)) {
            store.addUser("bob");
            for (int i = 0; i < 300; i++) {
                store.services.keys().create(store.admin, NewKey.site(NAMES[i % NAMES.length] + " " + i, "about " + i, null));
            }
        }
    }

    @Test
    void theJsonIsWhatTheWholeListEncodedGave() {
        String out = cli().as(TestStore.ADMIN, TestStore.ADMIN_PASSWORD).run("audit", "list", "--json").out();

        List<AuditEntry> listed = entriesUpTo(lastSeq(out));
        assertThat(out.length()).as("more than one block").isGreaterThan(1 << 17);
        assertThat(out).isEqualTo(Json.write(listed.stream().map(AuditFields::of).toList()) + System.lineSeparator());
    }

    @Test
    void theTableIsALinePerEntry() {
        String out = cli().as(TestStore.ADMIN, TestStore.ADMIN_PASSWORD).run("audit", "list").out();

        String[] lines = out.split("\n");
        long last = Long.parseLong(lines[lines.length - 1].strip().split(" ")[0]);
        StringBuilder expected = new StringBuilder();
        for (AuditEntry e : entriesUpTo(last)) {
            expected.append(String.format("%6d  %s  %-12s %-24s %-16s %-7s %s%n", e.seq(), e.at(), e.actor(), e.action(),
                    e.target() == null ? "" : e.target(), e.outcome(), e.detail() == null ? "" : e.detail()));
        }
        assertThat(out).isEqualTo(expected.toString());
    }

    @Test
    void aPersonWhoMayNotReadTheLogGetsNoOutputAtAll() {
        var refused = cli().as("bob", "bob password 123").run("audit", "list", "--json");

        assertThat(refused.exit()).isEqualTo(ExitCode.PERMISSION_DENIED);
        assertThat(refused.out()).isEmpty();
    }

    private CliHarness cli() {
        return new CliHarness(temp.resolve("store"), new MutableClock());
    }

    private static long lastSeq(String json) {
        Matcher m = SEQ.matcher(json);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    /** The log as the services read it whole, as far as the command's read went (its own sign-in is in the log too). */
    private List<AuditEntry> entriesUpTo(long seq) {
        try (TestStore store = TestStore.reopen(temp)) {
            return store.services.audit().entries(store.admin).stream().filter(e -> e.seq() <= seq).toList();
        }
    }
}
