package io.pulseio.studio.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The studio's one JSON mapper: the project's ({@link io.pulseio.protocol.Json#MAPPER}: nothing
 * after the document, bounded nesting) with decimals kept exactly as written, so that {@code 1.0}
 * stays {@code 1.0} through the editor. A copy, because the node factory belongs to the mapper.
 */
final class Json {
    static final ObjectMapper MAPPER = io.pulseio.protocol.Json.MAPPER
            .copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {}
}
