package io.pulseio.cli;

import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The optional {@code --trace FILE} of a run: a JSON Lines writer, closed exactly once. */
final class TraceFile implements AutoCloseable {
    private final JsonLinesTraceWriter writer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TraceFile(JsonLinesTraceWriter writer) {
        this.writer = writer;
    }

    /** Opens (and truncates) {@code path}; null gives a trace file that records nothing. */
    static TraceFile open(CommandLine cmd, Path path) {
        return open(cmd, path, JsonLinesTraceWriter.DEFAULT_MAX_BYTES);
    }

    /** As {@link #open(CommandLine, Path)}, writing at most {@code maxBytes} of records. */
    static TraceFile open(CommandLine cmd, Path path, long maxBytes) {
        if (path == null) {
            return new TraceFile(null);
        }
        try {
            return new TraceFile(
                    new JsonLinesTraceWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), maxBytes));
        } catch (IOException e) {
            throw new ParameterException(cmd, "Cannot write trace file " + path + ": " + Errors.describe(e));
        }
    }

    TraceListener listener() {
        return writer == null ? TraceListener.NONE : writer;
    }

    /** Flushes and closes the file; later calls do nothing. */
    @Override
    public void close() {
        if (writer != null && closed.compareAndSet(false, true)) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new CliException(ExitCodes.INTERNAL, "cannot finish the trace file: " + Errors.describe(e), e);
            }
        }
    }
}
