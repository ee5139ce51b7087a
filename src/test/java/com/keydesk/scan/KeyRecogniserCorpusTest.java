package com.keydesk.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real keys in the places keys leak to are found, with their line and column; near-misses never are. */
class KeyRecogniserCorpusTest {
    record Hit(long line, long column, String key) {
    }

    private static final String SITE = Keys.site();
    private static final String USER = Keys.user();

    static List<Hit> scan(byte[] content) {
        List<Hit> hits = new ArrayList<>();
        try {
            ContentScanner.scan(new ByteArrayInputStream(content), (l, c, k) -> hits.add(new Hit(l, c, k)), () -> false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    static List<Hit> scan(String text) {
        return scan(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsBothKeyTypesInCodeWithTheirLineAndColumn() {
        String code = "package x;\n\nclass Client {\n    static final String KEY = \"" + SITE + "\";\n"
                + "    static final String OTHER = \"" + USER + "\";\n}\n";
        assertThat(scan(code)).containsExactly(new Hit(4, 32, SITE), new Hit(5, 34, USER));
    }

    @Test
    void findsKeysInJsonYamlAndDotEnv() {
        assertThat(scan("{\"config\": {\"api_key\": \"" + SITE + "\", \"n\": 1}}")).extracting(Hit::key).containsExactly(SITE);
        assertThat(scan("service:\n  keydesk:\n    token: " + USER + "\n    other: 'x'\n"))
                .containsExactly(new Hit(3, 12, USER));
        assertThat(scan("# comment\nFILES_API_KEY=" + SITE + "\nQUOTED=\"" + USER + "\"\n"))
                .containsExactly(new Hit(2, 15, SITE), new Hit(3, 9, USER));
    }

    @Test
    void findsKeysInUrlsPlainAndPercentEncoded() {
        assertThat(scan("https://api.example.com/v1/files?api_key=" + SITE + "&page=2")).extracting(Hit::key).containsExactly(SITE);
        assertThat(scan("GET /hook?payload=%7B%22key%22%3A%22" + SITE + "%22%7D HTTP/1.1")).extracting(Hit::key)
                .containsExactly(SITE);
        assertThat(scan("https://user:" + USER + "@files.example.com/")).extracting(Hit::key).containsExactly(USER);
        assertThat(scan("redirect=https%3A%2F%2Fx%2F%3Ftoken%3D" + USER)).extracting(Hit::key).containsExactly(USER);
    }

    @Test
    void findsKeysInShellHistory() {
        String history = ": 1700000000:0;ls -la\n: 1700000005:0;curl -H 'X-FilesAPI-Key: " + SITE + "' https://x\n"
                + "export KEYDESK_KEY=" + USER + "\n";
        assertThat(scan(history)).extracting(Hit::line, Hit::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, SITE), org.assertj.core.groups.Tuple.tuple(3L, USER));
    }

    @Test
    void findsKeysWrappedInAnsiColourCodes() {
        String log = "\u001b[32mINFO\u001b[0m using key \u001b[1;31m" + SITE + "\u001b[0m\n";
        assertThat(scan(log)).extracting(Hit::key).containsExactly(SITE);
    }

    @Test
    void countsCrlfLinesOnceAndFindsKeysAtLineEnds() {
        String crlf = "A=1\r\nKEY=" + SITE + "\r\nB=" + USER + "\r\n";
        assertThat(scan(crlf)).containsExactly(new Hit(2, 5, SITE), new Hit(3, 3, USER));
    }

    @Test
    void countsColumnsInCharactersNotBytes() {
        assertThat(scan("clé=\"" + SITE + "\"")).containsExactly(new Hit(1, 6, SITE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16"})
    void decodesUtf16WithOrWithoutAByteOrderMark(String charset) {
        String text = "first line\r\ntoken: " + SITE + "\r\nsecond: é " + USER + "\r\n";
        byte[] bytes = text.getBytes(Charset.forName(charset));
        assertThat(scan(bytes)).containsExactly(new Hit(2, 8, SITE), new Hit(3, 11, USER));
    }

    @Test
    void decodesUtf16LittleEndianWithAByteOrderMark() {
        byte[] body = ("k=" + SITE).getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(scan(bytes)).containsExactly(new Hit(1, 3, SITE));
    }

    @Test
    void findsAKeySplitAcrossTheReadBufferAtEveryOffset() {
        for (int shift = 0; shift < KeyRecogniser.KEY_LENGTH + 2; shift++) {
            int before = 64 * 1024 - KeyRecogniser.KEY_LENGTH + shift;
            String text = "x".repeat(before) + SITE + "\n";
            assertThat(scan(text)).as("shift %d", shift).containsExactly(new Hit(1, before + 1, SITE));
        }
    }

    @Test
    void findsKeysInLongRunsOfKeyCharactersWithColumnsCountedAcrossReadBuffers() {
        // 80 KB of two-byte characters, then a run of 70,000 letters that keys are glued into:
        // the recogniser skips ordinary text but must still judge every start inside such a run.
        String text = "é".repeat(40_000) + SITE + "\n" + "A".repeat(70_000) + USER + "_" + SITE + "\n";
        assertThat(scan(text)).containsExactly(new Hit(1, 40_001, SITE), new Hit(2, 70_001, USER),
                new Hit(2, 70_001 + KeyRecogniser.KEY_LENGTH + 1, SITE));
    }

    @Test
    void findsKeysInALargeStreamReadInSmallPiecesWithBoundedMemory() throws IOException {
        List<Hit> hits = new ArrayList<>();
        // 20 MB of lines, read by a stream that hands out at most 1000 bytes at a time.
        byte[] line = ("some ordinary log line with kd and kds and kdu_ and numbers 1234567890\n").getBytes(StandardCharsets.US_ASCII);
        byte[] keyLine = ("key=" + USER + "\n").getBytes(StandardCharsets.US_ASCII);
        int lines = 20_000_000 / line.length;
        var in = new java.io.InputStream() {
            long produced;
            int lineNo;
            int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (lineNo >= lines) {
                    return -1;
                }
                byte[] current = lineNo == lines / 2 ? keyLine : line;
                int n = Math.min(Math.min(len, 1000), current.length - at);
                System.arraycopy(current, at, b, off, n);
                at += n;
                if (at == current.length) {
                    lineNo++;
                    at = 0;
                }
                produced += n;
                return n;
            }
        };
        ContentScanner.scan(in, (l, c, k) -> hits.add(new Hit(l, c, k)), () -> false);
        assertThat(hits).containsExactly(new Hit(lines / 2 + 1, 5, USER));
    }

    @Test
    void neverReportsNearMisses() {
        String truncated = SITE.substring(0, SITE.length() - 1);
        String corpus = String.join("\n",
                "changed: " + Keys.oneCharacterChanged(SITE, 30),
                "changed in lookup: " + Keys.oneCharacterChanged(USER, 8),
                "changed checksum: " + Keys.oneCharacterChanged(SITE, SITE.length() - 2),
                "truncated: " + truncated,
                "truncated in text: " + truncated + " and more",
                "short: " + SITE.substring(0, 30),
                "other marker: kdx" + SITE.substring(3),
                "upper case prefix: KDS" + SITE.substring(3),
                "other prefix: ghp_" + SITE.substring(4),
                "other prefix: sk_live_" + SITE.substring(4),
                "dash: " + SITE.replace('_', '-'),
                "separator moved: kds__" + SITE.substring(4, SITE.length() - 1),
                "prefix only: kds_ kdu_ kd_",
                "base64: " + Base64.getEncoder().encodeToString(SITE.getBytes(StandardCharsets.US_ASCII)),
                "escaped: \\u006b" + SITE.substring(1),
                "");
        assertThat(scan(corpus)).isEmpty();
    }

    @Test
    void skipsBinaryContentButNotUtf16() {
        byte[] binary = ("\u0000\u0001\u0002PNG" + SITE).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(scan(binary)).isEmpty();
        assertThat(ContentKind.of(binary, binary.length)).isEqualTo(ContentKind.BINARY);
        byte[] utf16 = ("x=" + SITE).getBytes(StandardCharsets.UTF_16LE);
        assertThat(ContentKind.of(utf16, utf16.length)).isEqualTo(ContentKind.UTF16_LE);
    }

    @Test
    void keyGluedToOtherLettersIsStillThatKey() {
        // No boundary is required: %22, colour codes and letters around a key do not hide it.
        assertThat(scan("prefix" + SITE + "suffix")).extracting(Hit::key).containsExactly(SITE);
    }
}
