package com.keydesk.cli;

import com.keydesk.format.Csv;
import com.keydesk.format.Json;
import com.keydesk.cli.KeyView.Field;
import com.keydesk.domain.ApiKey;

import tools.jackson.core.JsonGenerator;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Writes keys out one at a time as the store hands them over, in exactly the bytes that encoding
 * the whole list at once gave (StreamedKeyOutputTest compares them), so listing 100,000 keys holds neither
 * the keys nor 40 MB of text. Text is gathered per key and printed in blocks of about 64 KB,
 * each ending where a key's text ends.
 * Nothing reaches the stream before the first full block or {@link #finish}: a refused sign-in
 * prints nothing.
 */
abstract class KeySink implements Consumer<ApiKey> {
    private static final int BLOCK = 1 << 16;

    final StringBuilder text = new StringBuilder(BLOCK + 4096);
    final Instant now;
    private final PrintStream out;
    private final boolean utf8;

    private KeySink(PrintStream out, Instant now) {
        this.out = out;
        this.now = now;
        this.utf8 = out.charset().equals(StandardCharsets.UTF_8);
    }

    /** The JSON array {@code Json.write} makes of the keys' {@link KeyView#fields}, and a line end. */
    static KeySink json(PrintStream out, Instant now) {
        return new JsonSink(out, now);
    }

    /** RFC 4180 CSV of {@link KeyView#EXPORT_COLUMNS}: a header, then a line per key, cells made safe by {@link Csv#cell}. */
    static KeySink csv(PrintStream out, Instant now) {
        return new CsvSink(out, now);
    }

    /** The table of {@code keys list}: {@link KeyView#tableHeader}, then a {@link KeyView#tableRow} per key. */
    static KeySink table(PrintStream out, Instant now) {
        return new TableSink(out, now);
    }

    @Override
    public final void accept(ApiKey key) {
        append(key);
        if (text.length() >= BLOCK) {
            drain();
        }
    }

    /** Writes what is left, then flushes; the stream stays open. */
    final void finish() {
        end();
        drain();
        out.flush();
    }

    abstract void append(ApiKey key);

    /** What follows the last key. */
    void end() {
    }

    private void drain() {
        if (utf8) {
            // String's own UTF-8 encoding is several times faster than the stream's encoder, and gives
            // the same bytes: UTF-8 keeps no state between writes and a block never ends inside a pair
            out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            out.print(text); // the stream's own encoder, as println used: the same bytes in any encoding
        }
        text.setLength(0);
    }

    /** One generator for the whole list, writing into the block of text that is printed as it fills. */
    private static final class JsonSink extends KeySink {
        private final JsonGenerator json = Json.generator(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                text.append(chars, offset, length);
            }

            @Override
            public void write(String string, int offset, int length) {
                text.append(string, offset, offset + length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });

        JsonSink(PrintStream out, Instant now) {
            super(out, now);
            json.writeStartArray();
        }

        @Override
        void append(ApiKey key) {
            json.writeStartObject();
            for (Field field : KeyView.FIELDS) {
                json.writeName(field.wireName());
                Json.value(json, field.read(key, now));
            }
            json.writeEndObject();
            json.flush();   // the key's text is in the block before the block is measured
        }

        @Override
        void end() {
            json.writeEndArray();
            json.close();
            text.append(System.lineSeparator());
        }
    }

    private static final class CsvSink extends KeySink {
        CsvSink(PrintStream out, Instant now) {
            super(out, now);
            text.append(String.join(",", KeyView.EXPORT_COLUMNS)).append("\r\n");
        }

        @Override
        void append(ApiKey key) {
            for (Field field : KeyView.FIELDS) {
                if (field.ordinal() > 0) {
                    text.append(',');
                }
                Object value = field.read(key, now);
                text.append(Csv.cell(value == null ? "" : value.toString()));
            }
            text.append("\r\n");
        }
    }

    private static final class TableSink extends KeySink {
        TableSink(PrintStream out, Instant now) {
            super(out, now);
            text.append(KeyView.tableHeader()).append(System.lineSeparator());
        }

        @Override
        void append(ApiKey key) {
            text.append(KeyView.tableRow(key, now)).append(System.lineSeparator());
        }
    }
}
