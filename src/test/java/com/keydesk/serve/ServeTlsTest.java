package com.keydesk.serve;

import com.keydesk.app.Main;
import com.keydesk.cli.CliHarness;
import com.keydesk.cli.ExitCode;
import com.keydesk.testing.ChildJvm;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code keydesk serve --tls-cert --tls-key} with real certificates made by keytool: a client
 * that trusts that certificate gets its answers over HTTPS, one that does not is refused in the
 * handshake; and a certificate or key that cannot serve is refused before the server starts, with
 * one sentence and exit code 6.
 */
class ServeTlsTest {
    private static final String PASSWORD = "correct horse battery staple 1";

    @TempDir
    Path temp;

    /** The key kinds the README promises: RSA, EC and Ed25519, through the command's own loading code. */
    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC", "Ed25519"})
    void aClientTrustingTheCertificateIsAnsweredOverHttpsAndOthersAreRefused(String keyAlgorithm) throws Exception {
        SelfSignedPem pem = SelfSignedPem.make(temp.resolve("tls"), keyAlgorithm);
        try (TestStore store = TestStore.in(temp);
             ApiServer server = ApiServer.start(store.services, "127.0.0.1", 0, TlsFiles.keyStore(pem.cert(), pem.key()),
                     ServerLimits.STANDARD, new PrintStream(OutputStream.nullOutputStream()))) {
            String key = store.siteKey("over tls").secret().reveal();
            URI current = URI.create("https://127.0.0.1:" + server.port() + "/api/rest/v1/api_key");

            HttpClient trusting = HttpClient.newBuilder().sslContext(pem.trustingIt()).build();
            HttpResponse<String> answer = trusting.send(get(current, key), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"name\":\"over tls\"");
            var session = answer.sslSession().orElseThrow();
            assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(((X509Certificate) session.getPeerCertificates()[0]).getPublicKey().getAlgorithm())
                    .isIn(keyAlgorithm, "EdDSA");

            // the JDK's usual authorities do not vouch for it: the handshake fails, no key is sent in clear
            HttpClient usual = HttpClient.newHttpClient();
            assertThatThrownBy(() -> usual.send(get(current, key), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            // plain HTTP on the TLS port gets no answer from the API
            URI plain = URI.create("http://127.0.0.1:" + server.port() + "/api/rest/v1/api_key");
            int status;
            try {
                status = usual.send(get(plain, "kds_not_sent"), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (IOException refused) {
                status = -1;
            }
            assertThat(status).isNotEqualTo(200);
        }
    }

    @Test
    void theServeCommandLoadsThePemFilesAndServesHttps() throws Exception {
        SelfSignedPem pem = SelfSignedPem.make(temp.resolve("tls"), "RSA");
        Path store = temp.resolve("store");
        assertThat(run(store, "init", "--site", "Acme", "--admin", "alice").waitFor()).isZero();
        Process made = run(store, "keys", "create", "--site", "--name", "tls process");
        String key = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(made.waitFor()).isZero();
        int port = freePort();

        Process server = run(store, "serve", "--listen", "127.0.0.1:" + port, "--tls-cert", pem.cert().toString(),
                "--tls-key", pem.key().toString());
        try {
            var err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(err.readLine()).startsWith("KeyDesk serves https://127.0.0.1:" + port + "/api/rest/v1");
            Thread.ofVirtual().start(() -> drain(server));
            HttpClient trusting = HttpClient.newBuilder().sslContext(pem.trustingIt()).build();
            var answer = trusting.send(get(URI.create("https://127.0.0.1:" + port + "/api/rest/v1/api_key"), key),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor()).isZero();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aBrokenCertificateOrKeyIsRefusedWithOneSentenceAndExitCode6() throws Exception {
        Path store = temp.resolve("store");
        CliHarness alice = new CliHarness(store, new MutableClock()).as("alice", PASSWORD);
        assertThat(alice.run("init", "--site", "Acme", "--admin", "alice").exit()).isZero();
        SelfSignedPem rsa = SelfSignedPem.make(temp.resolve("rsa"), "RSA");
        SelfSignedPem other = SelfSignedPem.make(temp.resolve("other"), "RSA");
        SelfSignedPem ec = SelfSignedPem.make(temp.resolve("ec"), "EC");
        String keyText = Files.readString(rsa.key());
        String body = keyText.substring(keyText.indexOf('\n') + 1, keyText.indexOf("-----END"));
        String base64 = body.replace("\n", "");
        String half = base64.substring(0, base64.length() / 8 * 4);   // about half, still whole base64 quads

        record Broken(String what, Path cert, Path key, String says) {
        }
        List<Broken> cases = List.of(
                new Broken("no such certificate file", temp.resolve("missing.pem"), rsa.key(), "Could not read the certificate file"),
                new Broken("text that is no certificate", file("garbage.pem", "hello, I am not a certificate\n"), rsa.key(),
                        "does not hold a PEM certificate"),
                new Broken("an empty certificate file", file("empty.pem", ""), rsa.key(), "certificate"),
                new Broken("the key given as the certificate", rsa.key(), rsa.key(), "does not hold a PEM certificate"),
                new Broken("no such key file", rsa.cert(), temp.resolve("missing-key.pem"), "Could not read the private key file"),
                new Broken("the certificate given as the key", rsa.cert(), rsa.cert(), "holds no unencrypted PKCS#8 private key"),
                new Broken("an encrypted key", rsa.cert(), file("encrypted.pem", keyText.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")),
                        "holds no unencrypted PKCS#8 private key"),
                new Broken("a PKCS#1 RSA key", rsa.cert(), file("pkcs1.pem", keyText.replace("PRIVATE KEY", "RSA PRIVATE KEY")),
                        "openssl pkcs8 -topk8"),
                new Broken("a key that is not base64", rsa.cert(), file("notbase64.pem",
                        "-----BEGIN PRIVATE KEY-----\n%%%% not base64 %%%%\n-----END PRIVATE KEY-----\n"), "is not valid base64"),
                new Broken("a key cut short (whole base64)", rsa.cert(), file("short.pem", "-----BEGIN PRIVATE KEY-----\n"
                        + half + "\n-----END PRIVATE KEY-----\n"), "is not an RSA, EC or Ed25519 key"),
                new Broken("another certificate's key", rsa.cert(), other.key(), "does not go with the certificate"),
                new Broken("an EC key beside an RSA certificate", rsa.cert(), ec.key(), "does not go with the certificate"));

        List<String> wrong = new ArrayList<>();
        for (Broken c : cases) {
            CliHarness.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> alice.run("serve",
                    "--listen", "127.0.0.1:0", "--tls-cert", c.cert().toString(), "--tls-key", c.key().toString()));
            String err = result.err().strip();
            boolean oneSentence = err.startsWith("keydesk: ") && !err.contains("\n")
                    && err.contains(c.says()) && !err.contains("Exception") && !err.contains(body.substring(0, 20));
            if (result.exit() != ExitCode.INVALID_INPUT || !oneSentence || !result.out().isEmpty()) {
                wrong.add(c.what() + ": exit " + result.exit() + ", stderr " + err + ", stdout " + result.out());
            }
        }
        assertThat(wrong).isEmpty();
        // the store was never taken: it opens at once for the next command
        assertThat(alice.run("keys", "list").exit()).isZero();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static HttpRequest get(URI uri, String key) {
        return HttpRequest.newBuilder(uri).header("X-FilesAPI-Key", key).timeout(Duration.ofSeconds(20)).build();
    }

    private static void drain(Process p) {
        try {
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the process ended
        }
    }

    private static Process run(Path store, String... args) throws Exception {
        Process p = ChildJvm.start(Main.class, Map.of("KEYDESK_HOME", store.toString(), "KEYDESK_USER", "alice",
                "KEYDESK_PASSWORD", PASSWORD), args);
        p.getOutputStream().close();
        return p;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
