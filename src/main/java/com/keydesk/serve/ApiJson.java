package com.keydesk.serve;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * The API's JSON through Jackson's streaming core alone (parser and generator, as the command line's
 * {@code format/Json}): bodies are read token by token ({@link Params}) and answers written field by
 * field ({@link JsonBody}). Jackson's defaults otherwise, so the bytes are the ones its databind wrote
 * before (ApiJsonParityTest).
 */
final class ApiJson {
    /** A repeated field, at any depth, is a malformed body, not a guess at which one counts. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ApiJson() {
    }

    static JsonParser parser(byte[] body) {
        return FACTORY.createParser(ObjectReadContext.empty(), body);
    }

    /** A generator over {@code out}; closing it flushes and closes {@code out}. No flush after each value. */
    static JsonGenerator generator(OutputStream out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    static byte[] bytes(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = generator(out)) {
            body.writeTo(json);
        }
        return out.toByteArray();
    }
}
