package com.keydesk.cli;

import com.keydesk.app.Main;
import com.keydesk.testing.ChildJvm;
import com.keydesk.testing.HoldStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real program in its own process: quiet stderr, and a store held by another process. */
class CliProcessTest {
    private static final String PASSWORD = "correct horse battery staple 1";

    @TempDir
    Path temp;

    record Outcome(int exit, String out, String err) {
    }

    @Test
    void librariesPrintNothingSoStderrIsTheOneSentence() throws Exception {
        Path store = temp.resolve("store");
        Outcome init = keydesk(store, "init", "--site", "Acme", "--admin", "alice");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.err().strip().lines()).hasSize(1);

        Outcome denied = keydesk(store, "keys", "show", "42");
        assertThat(denied.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(denied.err()).isEqualTo("keydesk: There is no key with id 42." + System.lineSeparator());
    }

    @Test
    void aSecondProcessOnAnOpenStoreGetsOneSentenceAndItsOwnExitCode() throws Exception {
        Path store = temp.resolve("store");
        assertThat(keydesk(store, "init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        Process holder = ChildJvm.start(HoldStore.class, Map.of(), store.toString());
        try {
            var reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("open");

            Outcome second = keydesk(store, "keys", "list");
            assertThat(second.exit()).isEqualTo(ExitCode.STORE_IN_USE);
            assertThat(second.err().strip()).startsWith("keydesk: The store in " + store)
                    .contains("in use by another KeyDesk process").doesNotContain("\n");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(keydesk(store, "audit", "verify").exit()).as("store undamaged after the clash").isZero();
    }

    private static Outcome keydesk(Path store, String... args) throws Exception {
        Process p = ChildJvm.start(Main.class, Map.of("KEYDESK_HOME", store.toString(), "KEYDESK_USER", "alice",
                "KEYDESK_PASSWORD", PASSWORD), args);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), out, err);
    }
}
