package io.pulseio.logic.trace;

/**
 * One thing that happened in a run. {@code t} is nanoseconds since the run started, on the run's
 * monotonic clock. Every record is an immutable value; {@link #kind()} is the name used in the
 * JSON Lines file ({@code docs/trace-format.md}).
 */
public sealed interface TraceEvent {

    long t();

    /** The record's name in the trace file. */
    String kind();

    /** The kinds of the runtime's own records; a plugin may declare none of them. */
    java.util.Set<String> RUNTIME_KINDS =
            java.util.Set.of("runStarted", "runStopped", "node", "pulse", "scene", "error", "traceLimit");

    /** The run started. */
    record RunStarted(long t, String project) implements TraceEvent {
        public String kind() {
            return "runStarted";
        }
    }

    /** The run stopped; nothing follows. */
    record RunStopped(long t, int exitCode) implements TraceEvent {
        public String kind() {
            return "runStopped";
        }
    }

    /**
     * A node executed: a listener fired, an action ran on pulse input {@code pin}.
     *
     * @param pin   the pulse input that triggered it; null for a listener
     * @param graph {@code project}, {@code scene:NAME} or {@code function:NAME}
     * @param ns    how long its behaviour took
     */
    record NodeExecuted(long t, String node, String nodeType, String pin, String graph, long ns) implements TraceEvent {
        public String kind() {
            return "node";
        }
    }

    /** A pulse went along a link, {@code from} and {@code to} as {@code nodeId.pin}. */
    record Pulse(long t, String from, String to) implements TraceEvent {
        public String kind() {
            return "pulse";
        }
    }

    /** The active scene changed; {@code from} null at the first scene. */
    record SceneChanged(long t, String from, String to) implements TraceEvent {
        public String kind() {
            return "scene";
        }
    }

    /**
     * A record a plugin added ({@code PluginContext#trace}): one of the kinds the plugin declares
     * ({@code Plugin#traceKinds}), with its fields in the order given. The runtime gives it no meaning.
     *
     * @param plugin the plugin's id
     * @param kind   the record's name in the trace file
     * @param fields field names to values (String, Long, Integer, Double or Boolean), in order; never null
     */
    record PluginRecord(long t, String plugin, String kind, java.util.Map<String, Object> fields)
            implements TraceEvent {
        public PluginRecord {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        /** A field's value as text; null when absent. */
        public String text(String field) {
            Object v = fields.get(field);
            return v == null ? null : v.toString();
        }
    }

    /**
     * The trace file reached its size limit ({@code JsonLinesTraceWriter}): the writer writes nothing after
     * this record; the run goes on.
     *
     * @param limitBytes the limit that was reached
     */
    record TraceLimit(long t, long limitBytes) implements TraceEvent {
        public String kind() {
            return "traceLimit";
        }
    }

    /**
     * Something failed.
     *
     * @param source  {@code node} (a behaviour threw), {@code loop} (a loop guard cut an event off: a pulse
     *                or data loop within one event, or events the logic caused itself, one after another, past
     *                {@code RunOptions#maxEventsWithoutInput}), {@code plugin} (reported by a plugin) or
     *                {@code runtime}
     * @param node    the node concerned, or null
     */
    record Error(long t, String source, String node, String nodeType, String message) implements TraceEvent {
        public String kind() {
            return "error";
        }
    }
}
