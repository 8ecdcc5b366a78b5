package io.pulseio.logic.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes each {@link TraceEvent} as one JSON object per line (schema: {@code docs/trace-format.md}).
 * Flushes when the run stops; {@link #close()} flushes and closes the writer. Used on the logic thread.
 */
public final class JsonLinesTraceWriter implements TraceListener, AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Writer out;

    /** Writes to {@code out}; the writer is owned by this object from now on. */
    public JsonLinesTraceWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void onEvent(TraceEvent event) {
        try {
            out.write(line(event));
            out.write('\n');
            if (event instanceof TraceEvent.RunStopped) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON text of one record, without the line end. */
    public static String line(TraceEvent event) {
        java.io.StringWriter text = new java.io.StringWriter(96);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("t", event.t());
            g.writeStringField("kind", event.kind());
            fields(g, event);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void fields(JsonGenerator g, TraceEvent event) throws IOException {
        if (event instanceof TraceEvent.RunStarted e) {
            g.writeStringField("project", e.project());
        } else if (event instanceof TraceEvent.RunStopped e) {
            g.writeNumberField("exitCode", e.exitCode());
        } else if (event instanceof TraceEvent.NodeExecuted e) {
            g.writeStringField("node", e.node());
            g.writeStringField("nodeType", e.nodeType());
            optional(g, "pin", e.pin());
            g.writeStringField("graph", e.graph());
            g.writeNumberField("ns", e.ns());
        } else if (event instanceof TraceEvent.Pulse e) {
            g.writeStringField("from", e.from());
            g.writeStringField("to", e.to());
        } else if (event instanceof TraceEvent.SceneChanged e) {
            optional(g, "from", e.from());
            optional(g, "to", e.to());
        } else if (event instanceof TraceEvent.PluginRecord e) {
            for (var f : e.fields().entrySet()) {
                value(g, f.getKey(), f.getValue());
            }
        } else if (event instanceof TraceEvent.TraceLimit e) {
            g.writeNumberField("limitBytes", e.limitBytes());
        } else if (event instanceof TraceEvent.Error e) {
            g.writeStringField("source", e.source());
            optional(g, "node", e.node());
            optional(g, "nodeType", e.nodeType());
            g.writeStringField("message", e.message());
        }
    }

    private static void value(JsonGenerator g, String field, Object value) throws IOException {
        if (value instanceof String s) {
            g.writeStringField(field, s);
        } else if (value instanceof Boolean b) {
            g.writeBooleanField(field, b);
        } else if (value instanceof Double d) {
            g.writeNumberField(field, d);
        } else if (value instanceof Number n) {
            g.writeNumberField(field, n.longValue());
        } else if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
