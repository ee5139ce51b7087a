package com.keydesk.proof;

import com.keydesk.app.Main;
import com.keydesk.crypto.KeyTexts;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.ChildJvm;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.robot.SecretSweepRobot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's secret is never at rest, across every way KeyDesk makes one: keys are created and
 * replaced through the services, through the real command line in child JVMs and through the
 * desktop app (robot); the inventory is exported as CSV and JSON, the audit log listed and a
 * backup taken. Then every byte of every file under the store, the backup, the exports, the
 * child processes' stdout/stderr (except the one line where create/replace prints the secret on
 * purpose) and the child processes' temporary folders is searched for each secret: no hits.
 */
class SecretSweepTest {
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    @TempDir
    Path temp;
    private Path store;
    private Path logs;
    private Path childTemp;
    private final String marker = "sweep-" + UUID.randomUUID();
    private final List<String> secrets = new ArrayList<>();
    /** stdout files of create/replace, and the one line in each that is the secret, printed on purpose. */
    private final Map<Path, String> deliberate = new HashMap<>();
    private final Map<String, Integer> madeBy = new LinkedHashMap<>();
    private int children;

    record Run(int exit, String out, Path outFile) {
    }

    @Test
    void noSecretIsFoundInAnyFileAfterServicesCliAndAppMadeKeys() throws Exception {
        store = temp.resolve("store");
        logs = Files.createDirectories(temp.resolve("logs"));
        childTemp = Files.createDirectories(temp.resolve("child-tmp"));
        List<Long> serviceKeyIds = new ArrayList<>();

        // 1. services, in this JVM: 10 creates (site and user keys), each verified once
        try (TestStore ts = TestStore.in(temp)) {
            ts.services.users().add(ts.admin, "bob", null, false, "bob password 123".toCharArray());
            for (int i = 0; i < 10; i++) {
                IssuedKey issued = i % 2 == 0
                        ? ts.services.keys().create(ts.admin, NewKey.site(marker + " service " + i, null, null))
                        : ts.services.keys().create(ts.admin, NewKey.forUser("bob", marker + " service " + i, null,
                        PermissionSet.FILES_ONLY, ts.clock.instant().plus(Duration.ofDays(365))));
                String secret = issued.secret().reveal();
                secrets.add(secret);
                serviceKeyIds.add(issued.key().id());
                ts.services.verifier().verify(secret);
            }
        }
        madeBy.put("services", 10);

        // 2. the desktop app, driven by the robot over the same store: 2 site keys
        List<String> fromApp = SecretSweepRobot.createSiteKeys(store, List.of(marker + " app 0", marker + " app 1"));
        assertThat(fromApp).hasSize(2).doesNotHaveDuplicates();
        secrets.addAll(fromApp);
        madeBy.put("app", fromApp.size());

        // 3. the real command line in child JVMs: 3 creates and 2 replaces, each secret alone on stdout
        int cli = 0;
        for (int i = 0; i < 3; i++) {
            String[] args = i == 1
                    ? new String[] {"keys", "create", "--for", "bob", "--name", marker + " cli " + i}
                    : new String[] {"keys", "create", "--site", "--name", marker + " cli " + i};
            cli += printedSecret(keydesk("create-" + i, "", args));
        }
        for (int i = 0; i < 2; i++) {
            cli += printedSecret(keydesk("replace-" + i, "", "keys", "replace", Long.toString(serviceKeyIds.get(i))));
        }
        madeBy.put("cli", cli);
        assertThat(secrets).hasSize(17).doesNotHaveDuplicates();

        // every secret made works (and the CLI's verify path sees it on stdin), save the two replaced ones
        List<String> live = new ArrayList<>(secrets);
        live.remove(secrets.get(0));
        live.remove(secrets.get(1));
        for (int i = 0; i < live.size(); i += 4) {
            Run verified = keydesk("verify-" + i, live.get(i) + "\n", "keys", "verify");
            assertThat(verified.exit()).as("CLI verifies key %d: %s", i,
                    Files.readString(logs.resolve("verify-" + i + ".err"))).isZero();
        }
        assertThat(keydesk("verify-replaced", secrets.get(0) + "\n", "keys", "verify").exit())
                .as("a replaced key is refused").isEqualTo(7);

        // 4. exports, audit listing and a backup, all through the CLI
        Run csv = keydesk("export-csv", "", "keys", "export", "--format", "csv");
        Run json = keydesk("export-json", "", "keys", "export", "--format", "json");
        Run audit = keydesk("audit-list", "", "audit", "list", "--json");
        Path backup = temp.resolve("backup.zip");
        assertThat(keydesk("backup", "", "backup", backup.toString()).exit()).isZero();
        for (Run r : List.of(csv, json, audit)) {
            assertThat(r.exit()).isZero();
            assertThat(r.out()).as("%s names the keys", r.outFile().getFileName()).contains(marker);
        }
        assertThat(Files.size(backup)).isPositive();

        // 5. everything is closed (children exited, app shut down, store closed): search every byte
        List<Path> files;
        try (Stream<Path> walk = Files.walk(temp)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
        Map<String, Integer> filesByArea = new LinkedHashMap<>();
        int markerInStore = 0;
        long bytesSearched = 0;
        List<String> hits = new ArrayList<>();
        for (Path file : files) {
            byte[] raw = Files.readAllBytes(file);
            bytesSearched += raw.length;
            filesByArea.merge(temp.relativize(file).getName(0).toString(), 1, Integer::sum);
            String bytes = new String(raw, StandardCharsets.ISO_8859_1);
            String allowedLine = deliberate.get(file);
            if (allowedLine != null) {
                String withoutIt = withoutLine(bytes, allowedLine);
                assertThat(withoutIt).as("%s printed its secret exactly once, on a line of its own", file.getFileName())
                        .hasSize(bytes.length() - allowedLine.length() - 1);
                bytes = withoutIt;
            }
            if (file.startsWith(store)) {
                markerInStore += bytes.contains(marker) ? 1 : 0;
            }
            for (String secret : secrets) {
                for (String part : sensitiveParts(secret)) {
                    for (Charset encoding : ENCODINGS) {
                        if (bytes.contains(new String(part.getBytes(encoding), StandardCharsets.ISO_8859_1))) {
                            hits.add(temp.relativize(file) + " holds " + part + " (" + encoding + ")");
                        }
                    }
                }
            }
        }
        System.out.printf("SecretSweepTest: %d secrets (%s), %d child JVMs, %d files (%s), %d bytes searched%n",
                secrets.size(), madeBy, children, files.size(), filesByArea, bytesSearched);

        // positive controls: the search finds plain text (key names) in the store's files, and finds
        // a secret where it was deliberately printed
        assertThat(markerInStore).as("store files in which the key names are readable").isPositive();
        assertThat(deliberate).hasSize(5);
        for (var e : deliberate.entrySet()) {
            assertThat(Files.readString(e.getKey())).contains(e.getValue());
        }
        assertThat(filesByArea).containsKeys("store", "logs", "backup.zip");
        assertThat(hits).as("files holding a secret").isEmpty();
    }

    /** The whole key, its secret part, and the longest '_'-separated part (secret plus checksum). */
    private static List<String> sensitiveParts(String key) {
        String longest = Arrays.stream(key.split("_")).max(Comparator.comparingInt(String::length)).orElseThrow();
        return List.of(key, longest, KeyTexts.secretPart(key));
    }

    private static String withoutLine(String text, String line) {
        return text.lines().filter(l -> !l.equals(line)).map(l -> l + "\n").collect(Collectors.joining());
    }

    private int printedSecret(Run run) {
        assertThat(run.exit()).as("%s exit", run.outFile().getFileName()).isZero();
        String secret = run.out().strip();
        assertThat(secret).startsWith("kd").doesNotContain("\n");
        secrets.add(secret);
        deliberate.put(run.outFile(), secret);
        return 1;
    }

    private Run keydesk(String name, String stdin, String... args) throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(childTemp.resolve(name));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process p = ChildJvm.builder(Main.class, List.of("-Djava.io.tmpdir=" + tmp),
                        Map.of("KEYDESK_HOME", store.toString(), "KEYDESK_USER", TestStore.ADMIN,
                                "KEYDESK_PASSWORD", TestStore.ADMIN_PASSWORD), args)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        children++;
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", name).isTrue();
        return new Run(p.exitValue(), Files.readString(out), out);
    }
}
