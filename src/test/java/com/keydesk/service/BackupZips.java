package com.keydesk.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Takes a backup apart and puts an edited one together, as someone editing it by hand would. */
final class BackupZips {
    private BackupZips() {
    }

    static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** Writes the entries in their order; the same name may be given twice through {@code extra}. */
    static Path write(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    /** The manifest's checksum and row count for {@code file} made to match its edited contents. */
    static void resum(Map<String, String> entries, String file) throws Exception {
        String content = entries.get(file);
        long rows = content.chars().filter(c -> c == '\n').count();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
        Pattern sum = Pattern.compile("\"" + Pattern.quote(file) + "\":\\{\"rows\":\\d+,\"sha256\":\"[0-9a-f]+\"}");
        String manifest = entries.get("manifest.json");
        Matcher m = sum.matcher(manifest);
        if (!m.find()) {
            throw new IllegalStateException("no sum for " + file + " in " + manifest);
        }
        entries.put("manifest.json", m.replaceFirst(Matcher.quoteReplacement(
                "\"" + file + "\":{\"rows\":" + rows + ",\"sha256\":\"" + sha + "\"}")));
    }
}
