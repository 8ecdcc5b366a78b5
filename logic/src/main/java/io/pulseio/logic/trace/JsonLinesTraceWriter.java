package io.pulseio.logic.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes each {@link TraceEvent} as one JSON object per line (schema: {@code docs/trace-format.md}), up to
 * a size limit: a record that would take the file past it is replaced by one {@code traceLimit} record,
 * and nothing more is written (the run goes on). Flushes at the limit and when the run stops;
 * {@link #close()} flushes and closes the writer. Used on the logic thread.
 */
public final class JsonLinesTraceWriter implements TraceListener, AutoCloseable {
    /** The default size limit of a trace file: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private static final JsonFactory FACTORY = new JsonFactory();
    private final Writer out;
    private final long maxBytes;
    private long written;
    private boolean full;
    /** One record's text, made by {@link #generator} (made once: a generator per record costs more than the record). */
    private final LineBuffer line = new LineBuffer();

    private JsonGenerator generator;

    /** Writes to {@code out} up to {@link #DEFAULT_MAX_BYTES}; the writer is owned by this object from now on. */
    public JsonLinesTraceWriter(Writer out) {
        this(out, DEFAULT_MAX_BYTES);
    }

    /**
     * Writes to {@code out} (owned by this object from now on) at most {@code maxBytes} bytes of UTF-8 records,
     * plus the one {@code traceLimit} record that says the limit was reached.
     *
     * @throws IllegalArgumentException when {@code maxBytes} is not positive
     */
    public JsonLinesTraceWriter(Writer out, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the trace size limit must be at least 1 byte, was " + maxBytes);
        }
        this.out = out;
        this.maxBytes = maxBytes;
    }

    @Override
    public void onEvent(TraceEvent event) {
        try {
            if (full) {
                if (event instanceof TraceEvent.RunStopped) {
                    out.flush();
                }
                return;
            }
            StringBuilder text = render(event);
            long size = utf8Length(text) + 1;
            if (written + size > maxBytes) {
                full = true;
                out.append(render(new TraceEvent.TraceLimit(event.t(), maxBytes)));
                out.write('\n');
                out.flush();
                return;
            }
            written += size;
            out.append(text);
            out.write('\n');
            if (event instanceof TraceEvent.RunStopped) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the limit was reached (nothing is written any more). */
    public boolean isFull() {
        return full;
    }

    /** The record's JSON text in {@link #line}, by the writer's one generator. */
    private StringBuilder render(TraceEvent event) throws IOException {
        line.text.setLength(0);
        if (generator == null) {
            generator = FACTORY.createGenerator(line);
            generator.setRootValueSeparator(null);
        }
        try {
            record(generator, event);
            generator.flush();
        } catch (IOException | RuntimeException e) {
            generator = null; // its state is unknown now: the next record gets a new one
            throw e;
        }
        return line.text;
    }

    /** Collects a generator's output; reset per record. */
    private static final class LineBuffer extends Writer {
        final StringBuilder text = new StringBuilder(256);

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            text.append(str, off, off + len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0, end = s.length(); i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The JSON text of one record, without the line end. */
    public static String line(TraceEvent event) {
        java.io.StringWriter text = new java.io.StringWriter(96);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            record(g, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void record(JsonGenerator g, TraceEvent event) throws IOException {
        g.writeStartObject();
        g.writeNumberField("t", event.t());
        g.writeStringField("kind", event.kind());
        fields(g, event);
        g.writeEndObject();
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
