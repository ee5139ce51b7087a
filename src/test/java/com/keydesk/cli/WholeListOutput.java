package com.keydesk.cli;

import com.keydesk.format.Csv;
import com.keydesk.format.JsonBefore;
import com.keydesk.domain.ApiKey;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The yardstick for streamed key output: {@code keys list} and {@code keys export} as they were
 * written before streaming (the whole list from KeyService.list, a map per key, one string from
 * {@link JsonBefore}), kept verbatim so that the streamed bytes can be compared with them.
 */
final class WholeListOutput {
    private static final List<String> EXPORT_COLUMNS = List.of("id", "name", "description", "descriptive_label", "type",
            "user_id", "username", "permission_set", "status", "created_at", "created_by", "expires_at", "last_use_at");

    private WholeListOutput() {
    }

    static byte[] json(List<ApiKey> keys, Instant now, Charset charset) {
        return printed(charset, out -> out.println(JsonBefore.write(keys.stream().map(k -> fields(k, now)).toList())));
    }

    static byte[] csv(List<ApiKey> keys, Instant now, Charset charset) {
        return printed(charset, out -> out.print(csv(EXPORT_COLUMNS, keys.stream().map(k -> fields(k, now)).toList())));
    }

    static byte[] table(List<ApiKey> keys, Instant now, Charset charset) {
        return printed(charset, out -> {
            out.println(KeyView.tableHeader());
            keys.forEach(k -> out.println(KeyView.tableRow(k, now)));
        });
    }

    private static byte[] printed(Charset charset, java.util.function.Consumer<PrintStream> printing) {
        var bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, charset);
        printing.accept(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static Map<String, Object> fields(ApiKey key, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("name", key.name());
        out.put("description", key.description());
        out.put("descriptive_label", key.descriptiveLabel());
        out.put("type", key.type().name().toLowerCase(java.util.Locale.ROOT));
        out.put("user_id", key.userId());
        out.put("username", key.ownerUsername());
        out.put("permission_set", key.permissionSet().wireName());
        out.put("status", key.status(now).wireName());
        out.put("created_at", key.createdAt());
        out.put("created_by", key.createdBy());
        out.put("expires_at", key.expiresAt());
        out.put("last_use_at", key.lastUseAt());
        return out;
    }

    private static String csv(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = row.get(columns.get(i));
                out.append(Csv.cell(value == null ? "" : value.toString()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
