package com.keydesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** keydesk scan from the outside: exit codes, the three formats, naming, --revoke, and no secret anywhere. */
class ScanCommandTest {
    private static final String ALICE_PW = "correct horse battery staple 1";
    private static final String BOB_PW = "bob password 12345";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path store;
    private final MutableClock clock = new MutableClock();
    private CliHarness alice;
    private String siteKey;
    private Path tree;

    @BeforeEach
    void initStoreAndPlantAKey() throws IOException {
        store = temp.resolve("store");
        alice = new CliHarness(store, clock).as("alice", ALICE_PW);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        siteKey = alice.run("keys", "create", "--site", "--name", "leaked-env").lastLine();
        tree = Files.createDirectories(temp.resolve("tree"));
        Files.writeString(tree.resolve(".env"), "A=1\r\nFILES_API_KEY=" + siteKey + "\r\n");
        Files.writeString(tree.resolve("notes.txt"), "nothing to see\n");
    }

    private static String secretOf(String key) {
        return key.substring(key.lastIndexOf('_') + 1);
    }

    private void assertNoSecret(CliHarness.Result result) {
        assertThat(result.out() + result.err()).doesNotContain(secretOf(siteKey))
                .doesNotContain(secretOf(siteKey).substring(0, 43)).doesNotContain(siteKey);
    }

    @Test
    void nothingFoundExitsZero() throws IOException {
        Path clean = Files.createDirectories(temp.resolve("clean"));
        Files.writeString(clean.resolve("a.txt"), "kds_ is only a prefix\n");
        var result = alice.run("scan", clean.toString());
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("found 0 keys");
    }

    @Test
    void aFoundKeyIsNamedAndMaskedAndTheExitCodeSaysLeaksWereFound() {
        var result = alice.run("scan", tree.toString());
        assertThat(result.exit()).isEqualTo(ExitCode.LEAKS_FOUND);
        assertThat(result.out()).contains(".env:2:15").contains(siteKey.substring(0, 16) + "…" + siteKey.substring(62))
                .contains("active").contains("\"leaked-env\"");
        assertNoSecret(result);
    }

    @Test
    void worksWithNoStoreAndNoSignInAndCallsEveryFindingUnknown() throws IOException {
        var result = new CliHarness(temp.resolve("no-store"), clock).anonymous().run("scan", tree.toString(), "--format", "json");
        assertThat(result.exit()).isEqualTo(ExitCode.LEAKS_FOUND);
        JsonNode findings = JSON.readTree(result.out());
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("status").asText()).isEqualTo("unknown");
        assertThat(findings.get(0).get("name").isNull()).isTrue();
        assertThat(findings.get(0).get("masked_key").asText()).startsWith("kds_");
        assertThat(result.err()).contains("No store");
        assertThat(Files.exists(temp.resolve("no-store"))).isFalse();
        assertNoSecret(result);
    }

    @Test
    void aNonAdministratorSeesSomeoneElsesKeyOnlyAsUnknown() throws IOException {
        alice.withStdin(BOB_PW + "\n", "users", "add", "bob");
        var asBob = new CliHarness(store, clock).as("bob", BOB_PW).run("scan", tree.toString(), "--format", "json");
        assertThat(asBob.exit()).isEqualTo(ExitCode.LEAKS_FOUND);
        JsonNode finding = JSON.readTree(asBob.out()).get(0);
        assertThat(finding.get("status").asText()).isEqualTo("unknown");
        assertThat(finding.get("key_id").isNull()).isTrue();
        assertThat(finding.get("name").isNull()).isTrue();
        assertThat(asBob.out()).doesNotContain("leaked-env");
    }

    @Test
    void noFormatEverPrintsTheSecret() {
        for (String format : new String[] {"text", "json", "sarif"}) {
            var result = alice.run("scan", tree.toString(), "--format", format);
            assertThat(result.exit()).as(format).isEqualTo(ExitCode.LEAKS_FOUND);
            assertNoSecret(result);
        }
        var fromStdin = alice.withStdin("token " + siteKey + "\n", "scan", "-");
        assertThat(fromStdin.exit()).isEqualTo(ExitCode.LEAKS_FOUND);
        assertThat(fromStdin.out()).startsWith("-:1:7");
        assertNoSecret(fromStdin);
    }

    @Test
    void sarifOutputIsValidSarif210() throws IOException {
        var result = alice.run("scan", tree.toString(), "--format", "sarif");
        JsonNode sarif = JSON.readTree(result.out());
        assertThat(schemaErrors(sarif)).isEmpty();
        JsonNode region = sarif.at("/runs/0/results/0/locations/0/physicalLocation/region");
        assertThat(region.get("startLine").asInt()).isEqualTo(2);
        assertThat(region.get("startColumn").asInt()).isEqualTo(15);
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("keydesk/leaked-key");

        // The validator does see a broken log: the check above is not vacuous.
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif).put("version", "2.0.0");
        assertThat(schemaErrors(sarif)).isNotEmpty();
    }

    private static Set<ValidationMessage> schemaErrors(JsonNode document) throws IOException {
        try (InputStream schemaText = ScanCommandTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaText);
            return schema.validate(document);
        }
    }

    @Test
    void revokeWithYesRevokesTheActiveKeyAndAuditsWhereItWasFound() {
        var result = alice.run("scan", tree.toString(), "--revoke", "--yes");
        assertThat(result.exit()).isEqualTo(ExitCode.LEAKS_FOUND);
        assertThat(result.err()).contains("Revoked key 1 (leaked-env)");
        assertNoSecret(result);

        var verify = new CliHarness(store, clock).anonymous().withStdin(siteKey + "\n", "keys", "verify");
        assertThat(verify.exit()).isEqualTo(ExitCode.KEY_REJECTED);
        var audit = alice.run("audit", "list", "--json");
        assertThat(audit.out()).contains("api_key.revoked")
                .contains("found in " + tree.resolve(".env").toAbsolutePath().normalize())
                .doesNotContain(secretOf(siteKey));
        var again = alice.run("scan", tree.toString(), "--format", "json");
        assertThat(again.out()).contains("\"status\": \"unknown\"");
    }

    @Test
    void revokeWithoutATerminalAndWithoutYesIsRefusedAndRevokesNothing() {
        var result = alice.run("scan", tree.toString(), "--revoke");
        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("keydesk: ").contains("--yes");
        var verify = new CliHarness(store, clock).anonymous().withStdin(siteKey + "\n", "keys", "verify");
        assertThat(verify.exit()).isZero();
    }

    @Test
    void aStoreHeldByAnotherProcessStillGetsTheFindingsUnnamedButRevokeRefuses() throws Exception {
        Process holder = com.keydesk.testing.ChildJvm.start(com.keydesk.testing.HoldStore.class, java.util.Map.of(),
                store.toString());
        try {
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("open");
            var scanned = alice.run("scan", tree.toString());
            assertThat(scanned.exit()).isEqualTo(ExitCode.LEAKS_FOUND);
            assertThat(scanned.out()).contains("unknown");
            assertThat(scanned.err()).contains("in use by another KeyDesk process").contains("not named");
            assertThat(alice.run("scan", tree.toString(), "--revoke", "--yes").exit()).isEqualTo(ExitCode.STORE_IN_USE);
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void badArgumentsAreOneSentenceWithTheUsageCode() {
        assertThat(alice.run("scan").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(alice.run("scan", tree.toString(), "--format", "xml").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(alice.run("scan", tree.toString(), "--git", "--staged").exit()).isEqualTo(ExitCode.USAGE);
        var missing = alice.run("scan", temp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(missing.err().strip().lines()).hasSize(1);
    }
}
