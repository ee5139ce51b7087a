package com.keydesk.ui.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every action the services write has a readable name: a new action fails here until it gets one. */
class AuditActionsTest {
    /** An action is a quoted "area.verb"; file names and system properties look alike and are left out. */
    private static final Pattern ACTION = Pattern.compile("\"((?:api_key|api|user|auth|site|store|row|audit)\\.[a-z_]+)\"");
    private static final Set<String> NOT_ACTIONS = Set.of("user.name", "user.home");

    @Test
    void everyActionTheServicesWriteHasAReadableName() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/com/keydesk/service"))) {
            for (Path source : sources.toList()) {
                Matcher m = ACTION.matcher(Files.readString(source));
                while (m.find()) {
                    if (!NOT_ACTIONS.contains(m.group(1)) && !m.group(1).matches(".*\\.jsonl?")) {
                        actions.add(m.group(1));
                    }
                }
            }
        }
        assertThat(actions).hasSizeGreaterThan(25).contains("api_key.created", "audit.witness_reset", "row.bound");
        assertThat(actions).allSatisfy(action -> assertThat(AuditActions.isKnown(action)).as(action).isTrue());
        assertThat(AuditActions.readable("api_key.revoked")).isEqualTo("Key revoked");
    }
}
