package io.pulseio.protocol;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper the codecs use: strict (no trailing tokens, bounded nesting), so that what it
 * accepts is what {@code JSON.parse} would accept. It is the project's one mapper configuration:
 * every module that reads or writes JSON uses it (a use that needs more, such as the project
 * loader's duplicate-key check, derives a reader or writer from it rather than building a mapper).
 */
public final class Json {
    /** Maximum nesting depth of a JSON value in a packet. */
    public static final int MAX_DEPTH = 256;

    /** Shared, immutable after construction, thread-safe. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** {@link #MAPPER}'s writer with two-space indentation and one member a line; thread-safe. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build());
    }

    private Json() {}
}
