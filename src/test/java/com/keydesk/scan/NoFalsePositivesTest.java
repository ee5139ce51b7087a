package com.keydesk.scan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Zero findings over large trees of ordinary text: this project's sources and the JDK's own. */
class NoFalsePositivesTest {
    private static final Path JDK_SOURCES = Path.of(System.getProperty("java.home"), "lib", "src.zip");

    @Test
    void findsNothingInTheProjectsOwnSources() {
        List<Finding> found = new ArrayList<>();
        var summary = new LeakScanner(LeakScanner.Options.plain(), () -> false)
                .scan(List.of("src", "README.md", "docs", "pom.xml"), InputStream.nullInputStream(), found::add);
        assertThat(summary.files()).isGreaterThan(250);
        assertThat(found).isEmpty();
    }

    @Test
    void findsNothingInTheJdkSourceArchive() throws IOException {
        assumeTrue(Files.isRegularFile(JDK_SOURCES), "the JDK here has no lib/src.zip");
        long entries = 0;
        long bytes = 0;
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(JDK_SOURCES.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    ContentScanner.scan(in, (l, c, k) -> found.add(entry.getName() + ":" + l + ":" + c), () -> false);
                }
                entries++;
                bytes += entry.getSize();
            }
        }
        assertThat(entries).isGreaterThan(10_000);
        assertThat(bytes).isGreaterThan(100_000_000L);
        assertThat(found).isEmpty();
    }
}
