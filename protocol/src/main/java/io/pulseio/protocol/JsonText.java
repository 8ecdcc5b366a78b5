package io.pulseio.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree as text onto the end of a {@link StringBuilder}, with the same output as
 * {@code Json.MAPPER.writeValueAsString}, but without its per-call serializer provider, I/O
 * context, generator and text buffer: each thread keeps one generator (over a writer into the
 * builder of the current call) and reuses it. The standard node types are walked here; anything
 * else (a POJO node, say) is handed to the mapper on the same generator.
 *
 * <p>Thread-safe; what a thread keeps is bounded (one generator and its fixed-size buffer).
 */
final class JsonText {
    private static final ThreadLocal<JsonText> PER_THREAD = new ThreadLocal<>();

    private final TargetWriter target = new TargetWriter();
    private final JsonGenerator generator;
    private boolean inUse;

    private JsonText() throws IOException {
        generator = Json.MAPPER.getFactory().createGenerator(target);
        generator.setRootValueSeparator(null);
    }

    /**
     * Appends {@code node} as JSON to {@code out}.
     *
     * @throws IOException when the tree cannot be written (a POJO node that Jackson cannot serialize)
     */
    static void append(JsonNode node, StringBuilder out) throws IOException {
        JsonText writer = PER_THREAD.get();
        if (writer == null) {
            writer = new JsonText();
            PER_THREAD.set(writer);
        } else if (writer.inUse) {
            // Re-entered (a POJO's serializer encoding a packet itself): use a writer of its own.
            writer = new JsonText();
        }
        writer.inUse = true;
        boolean done = false;
        try {
            writer.target.out = out;
            writer.write(node);
            writer.generator.flush();
            done = true;
        } finally {
            writer.target.out = null;
            writer.inUse = false;
            if (!done && PER_THREAD.get() == writer) {
                PER_THREAD.remove(); // its generator may be mid-value: start clean next time
            }
        }
    }

    private void write(JsonNode node) throws IOException {
        JsonGenerator g = generator;
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (int i = 0, n = node.size(); i < n; i++) {
                    write(node.get(i));
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> writeNumber(node);
            default -> Json.MAPPER.writeTree(g, node); // binary, POJO, missing: as the mapper does
        }
    }

    private void writeNumber(JsonNode node) throws IOException {
        JsonGenerator g = generator;
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            case DOUBLE -> g.writeNumber(node.doubleValue());
            case BIG_DECIMAL -> Json.MAPPER.writeTree(g, node); // honours the mapper's decimal settings
            default -> Json.MAPPER.writeTree(g, node);
        }
    }

    /** The generator's writer: appends to the builder of the call in progress. */
    private static final class TargetWriter extends Writer {
        StringBuilder out;

        @Override
        public void write(char[] buf, int off, int len) {
            out.append(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            out.append(s, off, off + len);
        }

        @Override
        public void write(int c) {
            out.append((char) c);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
