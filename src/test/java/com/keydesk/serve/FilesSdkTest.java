package com.keydesk.serve;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client nobody on the team wrote: Files.com's own JavaScript SDK (npm "files.com", pinned in
 * src/test/node/package-lock.json) runs src/test/node/sdk-check.mjs against a real server on a
 * real store. Without node and npm it is skipped, loudly; under CI=true their absence fails it.
 */
class FilesSdkTest {
    private static final Path NODE_SOURCES = Path.of("src/test/node");
    private static final Path NODE_WORK = Path.of("target/files-sdk");

    @TempDir
    Path temp;

    @Test
    void filesComJavaScriptSdkManagesKeysThroughKeydeskServe() throws Exception {
        boolean tools = runs("node", "--version") && runs("npm", "--version");
        if (!tools) {
            String why = "node and npm are needed for the Files.com SDK test (FilesSdkTest); install Node 20+.";
            System.err.println("SKIPPED: " + why);
            assertThat("true".equals(System.getenv("CI"))).as("CI must have node and npm: " + why).isFalse();
            Assumptions.abort(why);
        }
        installSdk();
        try (ApiHarness api = new ApiHarness(temp)) {
            String site = api.siteKey();
            ProcessBuilder pb = new ProcessBuilder("node", "sdk-check.mjs").directory(NODE_WORK.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("KEYDESK_URL", api.base());
            pb.environment().put("KEYDESK_KEY", site);
            Process node = pb.start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
            System.out.print(out);
            assertThat(out).contains("12 passed, 0 failed");
            assertThat(node.exitValue()).as(out).isZero();
            assertThat(out).doesNotContain(site);
        }
    }

    /** npm ci into target/, from the committed lock file: the same SDK version every time. */
    private static void installSdk() throws Exception {
        Files.createDirectories(NODE_WORK);
        for (String file : List.of("package.json", "package-lock.json", "sdk-check.mjs")) {
            Files.copy(NODE_SOURCES.resolve(file), NODE_WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(NODE_WORK.resolve("node_modules/files.com"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_WORK.toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(npm.exitValue()).as("npm ci: " + out).isZero();
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
