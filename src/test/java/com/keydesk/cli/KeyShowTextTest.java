package com.keydesk.cli;

import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keys show}: a value's own lines can never pose as fields. */
class KeyShowTextTest {
    @TempDir
    Path temp;
    private CliHarness alice;

    @BeforeEach
    void initStore() {
        alice = new CliHarness(temp.resolve("store"), new MutableClock()).as("alice", "correct horse battery staple 1");
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        assertThat(alice.withStdin("bob password 12345\n", "users", "add", "bob").exit()).isZero();
    }

    @Test
    void aDescriptionThatFakesFieldsShowsAsIndentedLinesOfTheDescription() {
        alice.run("keys", "create", "--for", "bob", "--name", "Sync", "--permission", "sync_app",
                "--description", "Laptop sync\npermission_set: full\nstatus: active\r\ntype: site");
        alice.run("keys", "disable", "1");

        var shown = alice.run("keys", "show", "1");
        assertThat(shown.exit()).isZero();
        List<String> lines = Arrays.asList(shown.out().split("\\R"));
        List<String> fieldLines = lines.stream().filter(l -> !l.startsWith(" ")).toList();

        assertThat(fieldLines).extracting(l -> l.substring(0, l.indexOf(':')))
                .containsExactly("id", "name", "description", "descriptive_label", "type", "user_id", "username",
                        "permission_set", "status", "created_at", "created_by", "expires_at", "last_use_at");
        assertThat(fieldLines).filteredOn(l -> l.startsWith("permission_set:")).singleElement().asString().endsWith(" none");
        assertThat(fieldLines).filteredOn(l -> l.startsWith("status:")).singleElement().asString().endsWith(" disabled");
        assertThat(fieldLines).filteredOn(l -> l.startsWith("type:")).singleElement().asString().endsWith(" user");
        int description = lines.indexOf(fieldLines.get(2));
        assertThat(lines.subList(description, description + 4)).containsExactly(
                "description:       Laptop sync",
                "                   permission_set: full",
                "                   status: active",
                "                   type: site");
    }

    @Test
    void controlCharactersInAValueShowAsQuestionMarksAndEveryLineBreakIsIndented() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "evil\u001b[2Kname\u202E");
        fields.put("description", "a\u2028status: active\u0085id: 7\u000Bx");
        fields.put("id", 3L);

        String text = KeyView.showText(fields);

        assertThat(text.split("\\R")).doesNotContain("status: active", "id: 7")
                .allSatisfy(l -> assertThat(l.startsWith(" ") || l.matches("(name|description|id):.*")).as(l).isTrue());
        assertThat(text).contains("name:              evil?[2Kname?").doesNotContain("\u001b").doesNotContain("\u202E");
    }

    @Test
    void aListRowStaysOneLineWhateverTheNameHolds() {
        var key = new com.keydesk.domain.ApiKey(5, "two\nlines\u2028and\rmore", null, null, null, false, true,
                com.keydesk.domain.PermissionSet.FULL, null, false, "kds_x…y", java.time.Instant.EPOCH, "alice", null, null);

        String row = KeyView.tableRow(key, java.time.Instant.EPOCH);

        assertThat(row).doesNotContainPattern("\\R").startsWith("5      two?lines?and?more");
    }
}
