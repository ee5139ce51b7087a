package com.keydesk.serve;

/**
 * An answer's body: written whole ({@link JsonBody}) or streamed key by key ({@link KeyJson.Listed}).
 * Sealed, so that {@link ApiHandler} handles every kind without a cast or a default case.
 */
sealed interface ApiBody permits JsonBody, KeyJson.Listed {
}
