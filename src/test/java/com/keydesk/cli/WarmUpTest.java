package com.keydesk.cli;

import com.keydesk.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jOOQ's and JNA's static initialisers may deadlock when two threads run them at once, so the
 * threads that warm them up while the store opens must be finished before the command itself
 * uses either. Seen from a fresh JVM, where the warm-ups really run.
 */
class WarmUpTest {
    @TempDir
    Path temp;

    @Test
    void noWarmUpThreadIsStillRunningWhenTheCommandGetsItsServices() throws Exception {
        Path store = temp.resolve("store");
        var harness = new CliHarness(store, Clock.systemUTC()).as("alice", "correct horse battery staple 1");
        assertThat(harness.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();

        Process child = ChildJvm.builder(OpenStore.class, Map.of(), store.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).isEqualTo("services ready; warm-up threads still running: []" + System.lineSeparator());
    }

    /** Opens the store as every command does, then names any warm-up thread still alive. */
    public static final class OpenStore {
        private OpenStore() {
        }

        public static void main(String[] args) {
            com.keydesk.app.QuietLogging.install();
            var bytes = new ByteArrayOutputStream();
            try (Context ctx = new Context(new com.keydesk.store.StoreAddress.Local(Path.of(args[0])), "alice", Map.of(), new ByteArrayInputStream(new byte[0]),
                    new PrintStream(bytes), new PrintStream(bytes), Clock.systemUTC())) {
                ctx.services();
                System.out.println("services ready; warm-up threads still running: " + Thread.getAllStackTraces().keySet()
                        .stream().map(Thread::getName).filter(name -> name.contains("warm-up")).sorted().toList());
            }
        }
    }
}
