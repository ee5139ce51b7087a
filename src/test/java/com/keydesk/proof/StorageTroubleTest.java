package com.keydesk.proof;

import com.keydesk.cli.CliHarness;
import com.keydesk.cli.ExitCode;
import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A read-only store and a full disk, on a small tmpfs of its own (needs root to mount, as on the
 * machines here and in CI): each is one sentence and exit 8, and the store is whole afterwards.
 */
class StorageTroubleTest {
    private static final String PW = "correct horse battery staple 1";

    @TempDir
    Path temp;
    private Path mountPoint;
    private Path store;
    private CliHarness alice;
    private String secret;

    @BeforeEach
    void storeOnASmallFilesystem() throws Exception {
        mountPoint = temp.resolve("fs");
        Files.createDirectories(mountPoint);
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString()) == 0,
                "mounting a tmpfs needs root");
        store = mountPoint.resolve("store");
        alice = new CliHarness(store, new MutableClock()).as("alice", PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        secret = alice.run("keys", "create", "--site", "--name", "Before the trouble").out().strip();
    }

    @AfterEach
    void unmount() throws Exception {
        sh("umount", mountPoint.toString());
    }

    @Test
    void aReadOnlyStoreIsRefusedWithASentenceAndLeftWhole() throws Exception {
        assertThat(sh("mount", "-o", "remount,ro", mountPoint.toString())).isZero();
        for (String[] command : new String[][] {{"keys", "list"}, {"keys", "create", "--site", "--name", "During"}}) {
            var result = alice.run(command);
            assertThat(result.exit()).isEqualTo(ExitCode.STORE_UNUSABLE);
            assertThat(result.err().strip()).isEqualTo("keydesk: The store in " + store + " is read-only. KeyDesk must be"
                    + " able to write there to record changes and the audit log; make the folder and its files writable.");
        }
        assertThat(sh("mount", "-o", "remount,rw", mountPoint.toString())).isZero();
        assertWhole();
    }

    @Test
    void aFullDiskChangesNothingAndSaysSo() throws Exception {
        Path filler = mountPoint.resolve("filler");
        fillUp(filler);
        var result = alice.run("keys", "create", "--site", "--name", "No room");
        assertThat(result.exit()).isEqualTo(ExitCode.STORE_UNUSABLE);
        assertThat(result.err().strip()).isEqualTo("keydesk: The disk that holds " + store
                + " is full. Nothing was changed; free some space and try again.");
        assertThat(result.out()).isEmpty();
        Files.delete(filler);
        assertWhole();
        assertThat(alice.run("keys", "list", "--json").out()).doesNotContain("No room");
    }

    private void assertWhole() {
        assertThat(alice.run("audit", "verify").exit()).isZero();
        assertThat(new CliHarness(store, new MutableClock()).anonymous().withStdin(secret + "\n", "keys", "verify").exit())
                .isZero();
    }

    private static void fillUp(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the filesystem is full: what we wanted
        }
    }

    private static int sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
