package com.keydesk.serve;

import tools.jackson.core.JsonGenerator;

/**
 * An answer's JSON, written straight to Jackson's streaming generator: no tree or map of it is
 * built first, and the server needs only jackson-core (databind's 433 classes stay unloaded).
 */
@FunctionalInterface
non-sealed interface JsonBody extends ApiBody {
    void writeTo(JsonGenerator json);
}
