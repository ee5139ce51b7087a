package com.keydesk.serve;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log writes lines in blocks, loses none at the server's stop, and writes times as Instant does. */
class AccessLogTest {
    @Test
    void linesAreWrittenInBlocksNotOneWriteEachAndNoneIsLostAtClose() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicInteger flushes = new AtomicInteger();
        OutputStream counted = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                flushes.incrementAndGet();
            }
        };
        AccessLog log = new AccessLog(new PrintStream(counted, true, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String line = "2026-12-05T01:00:00Z 127.0.0.1 GET /api/rest/v1/api_key 200 0ms key=" + i;
            lines.add(line);
            log.line(line);
        }
        log.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(lines);
        assertThat(flushes.get()).as("writes to the stream for 500 lines").isLessThan(50);   // one print and flush a line was 500
    }

    @Test
    void aLineIsWrittenWithinTheFlushIntervalWithoutAnythingElseHappening() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            log.line("one line");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (bytes.size() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("one line" + System.lineSeparator());
        } finally {
            log.close();
        }
    }

    @Test
    void timesReadAsInstantWritesThem() {
        AccessLog log = new AccessLog(new PrintStream(OutputStream.nullOutputStream()));
        List<Long> times = new ArrayList<>(List.of(0L, 1L, 999L, 1000L, 1001L, -1L, -1000L, 1_764_896_461_000L,
                1_764_896_461_007L, 1_764_896_461_070L, 1_764_896_461_700L, 253_402_300_799_999L, 253_402_300_800_000L));
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 10_000; i++) {
            times.add(1_700_000_000_000L + random.nextLong(400_000_000_000L));
        }
        for (long t : times) {
            StringBuilder b = new StringBuilder();
            log.time(b, t);
            assertThat(b.toString()).as("epoch ms " + t).isEqualTo(Instant.ofEpochMilli(t).toString());
        }
        log.close();
    }
}
